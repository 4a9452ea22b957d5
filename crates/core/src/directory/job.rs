//! The worker's side of the directory check: [`DirectoryWorker`] holds at most one job (a
//! pass over one file) between questions, reads each slice into it, and answers.

use std::ops::ControlFlow;

use crate::i18n::directory::file_problem;
use crate::lang::Lang;

use super::check::{CheckSpec, CheckTally, Levels};
use super::columns::{columns, Columns};
use super::limits::{MAX_EVALUATED_ROWS_PER_ANSWER, MAX_FILE_BYTES, MAX_ROWS};
use super::messages::{DirectoryAnswer, DirectoryQuestion, Pass};
use super::reader::{CsvSlices, FileProblem, Record};
use super::results::ResultsWriter;
use super::survey::SurveyTally;

/// What a job is doing.
enum Work {
    /// Waiting for the header, to answer with the columns.
    Columns {
        source: String,
        found: Option<Columns>,
    },
    /// Waiting for the header, then surveying this column.
    Survey {
        column: u32,
        tally: Option<SurveyTally>,
    },
    /// Waiting for the header, then checking.
    Check {
        spec: CheckSpec,
        tally: Option<Box<CheckTally>>,
    },
    /// The check is done: its groups' samples are kept for [`DirectoryQuestion::Users`].
    Checked(Box<CheckTally>),
    /// Waiting for the header, then writing the results.
    Results {
        spec: CheckSpec,
        writer: Option<Box<ResultsWriter>>,
    },
}

/// One pass over one file.
struct Job {
    id: u32,
    lang: Lang,
    file_size: u64,
    next_offset: u64,
    reader: CsvSlices,
    work: Work,
}

/// The directory check's state in the worker: at most one job, kept between questions.
///
/// ```
/// use scim_token_core::directory::{DirectoryAnswer, DirectoryQuestion, DirectoryWorker, Pass};
/// use scim_token_core::lang::Lang;
///
/// let file = b"userPrincipalName;department\r\nada@contoso.com;Contoso > Sales\r\n";
/// let mut worker = DirectoryWorker::default();
/// let pass = Pass::Columns { source: "department".into() };
/// let start = DirectoryQuestion::Start { job: 1, lang: Lang::En, file_size: file.len() as u64, pass };
/// assert!(matches!(worker.answer(start), DirectoryAnswer::Progress { next_offset: 0, .. }));
/// let DirectoryAnswer::Columns { columns, .. } =
///     worker.answer(DirectoryQuestion::Slice { job: 1, offset: 0, bytes: file.to_vec() })
/// else { unreachable!() };
/// assert_eq!((columns.delimiter, columns.source_column, columns.key_column), (';', Some(1), Some(0)));
/// ```
#[derive(Default)]
pub struct DirectoryWorker {
    job: Option<Job>,
}

impl DirectoryWorker {
    /// Answers one question given as bytes with the bytes of its answer, keeping the job's
    /// state for the next: all the directory worker does. `None` for bytes that are not
    /// exactly one question ([`DirectoryQuestion::from_bytes`] refuses them); the worker then
    /// sends no bytes, which the page reads as no answer.
    ///
    /// ```
    /// use scim_token_core::directory::{DirectoryAnswer, DirectoryQuestion, DirectoryWorker};
    ///
    /// let mut worker = DirectoryWorker::default();
    /// let bytes = worker.answer_bytes(&DirectoryQuestion::Stop { job: 4 }.to_bytes()).unwrap();
    /// assert_eq!(DirectoryAnswer::from_bytes(&bytes), Some(DirectoryAnswer::NoJob { job: 4 }));
    /// assert_eq!(worker.answer_bytes(b"not a question"), None);
    /// ```
    pub fn answer_bytes(&mut self, question: &[u8]) -> Option<Vec<u8>> {
        let question = DirectoryQuestion::from_bytes(question)?;
        Some(self.answer(question).to_bytes())
    }

    /// Answers one question, keeping the job's state for the next.
    pub fn answer(&mut self, question: DirectoryQuestion) -> DirectoryAnswer {
        match question {
            DirectoryQuestion::Start {
                job,
                lang,
                file_size,
                pass,
            } => {
                self.job = None;
                if file_size > MAX_FILE_BYTES {
                    let problem = FileProblem::TooLarge { bytes: file_size };
                    return failed(job, lang, problem);
                }
                let work = match pass {
                    Pass::Columns { source } => Work::Columns {
                        source,
                        found: None,
                    },
                    Pass::Survey { column } => Work::Survey {
                        column,
                        tally: None,
                    },
                    Pass::Check(spec) => Work::Check { spec, tally: None },
                    Pass::Results(spec) => Work::Results { spec, writer: None },
                };
                self.job = Some(Job {
                    id: job,
                    lang,
                    file_size,
                    next_offset: 0,
                    reader: CsvSlices::new(),
                    work,
                });
                DirectoryAnswer::Progress {
                    job,
                    next_offset: 0,
                    rows: 0,
                    csv: Vec::new(),
                }
            }
            DirectoryQuestion::Slice { job, offset, bytes } => match self.job.as_mut() {
                Some(held)
                    if held.id == job
                        && held.next_offset == offset
                        && !matches!(held.work, Work::Checked(_)) =>
                {
                    let answer = held.slice(&bytes);
                    if matches!(answer, DirectoryAnswer::Failed { .. }) {
                        self.job = None;
                    }
                    answer
                }
                _ => DirectoryAnswer::NoJob { job },
            },
            DirectoryQuestion::Users { job, group } => match &self.job {
                Some(Job {
                    id,
                    work: Work::Checked(tally),
                    ..
                }) if *id == job => match tally.users(&group) {
                    Some((users, total)) => DirectoryAnswer::Users {
                        job,
                        group,
                        users: users.to_vec(),
                        total,
                    },
                    None => DirectoryAnswer::Users {
                        job,
                        group,
                        users: Vec::new(),
                        total: 0,
                    },
                },
                _ => DirectoryAnswer::NoJob { job },
            },
            DirectoryQuestion::Stop { job } => {
                if self.job.as_ref().is_some_and(|held| held.id == job) {
                    self.job = None;
                }
                DirectoryAnswer::NoJob { job }
            }
        }
    }

    /// Whether a job is held.
    pub fn has_job(&self) -> bool {
        self.job.is_some()
    }

    /// The bytes the held job keeps between questions (its reader's buffers, its tallies and
    /// remembered levels): what the measure of the worker's memory adds up.
    pub fn retained_bytes(&self) -> usize {
        self.job.as_ref().map_or(0, |job| {
            job.reader.retained_bytes()
                + match &job.work {
                    Work::Check {
                        tally: Some(tally), ..
                    }
                    | Work::Checked(tally) => tally.retained_bytes(),
                    _ => 0,
                }
        })
    }
}

fn failed(job: u32, lang: Lang, problem: FileProblem) -> DirectoryAnswer {
    DirectoryAnswer::Failed {
        job,
        problem: Some(problem),
        message: file_problem(problem, lang),
    }
}

/// What reading a slice came to.
enum Outcome {
    /// More to read.
    More,
    /// The pass is done early (the columns pass after the header).
    Done,
}

impl Job {
    fn slice(&mut self, bytes: &[u8]) -> DirectoryAnswer {
        let end = self.next_offset + bytes.len() as u64;
        if end > self.file_size {
            // More bytes than the file was said to have: it changed while being read.
            return DirectoryAnswer::NoJob { job: self.id };
        }
        let at_end = end == self.file_size;
        let lang = self.lang;
        let Job { reader, work, .. } = self;
        let mut outcome = Outcome::More;
        let mut message = None;
        let mut each = |record: Record<'_>| -> Result<ControlFlow<()>, FileProblem> {
            if record.row == 1 {
                return header(work, &record, lang, &mut outcome, &mut message);
            }
            if record.row - 1 > MAX_ROWS {
                return Err(FileProblem::TooManyRows);
            }
            match work {
                Work::Survey {
                    tally: Some(tally), ..
                } => {
                    let value = record.field(tally.column())?.unwrap_or_default();
                    tally.add(record.row, value, record.len());
                }
                Work::Check {
                    tally: Some(tally), ..
                } => {
                    let (key, value) = key_and_value(&record, &tally.spec)?;
                    tally.add(record.row, key, value);
                    if tally.levels.evaluated >= MAX_EVALUATED_ROWS_PER_ANSWER {
                        return Ok(ControlFlow::Break(()));
                    }
                }
                Work::Results {
                    writer: Some(writer),
                    ..
                } => {
                    let (key, value) = key_and_value(&record, &writer.spec)?;
                    let key = if writer.spec.key_column.is_some() {
                        key.to_owned()
                    } else {
                        record.row.to_string()
                    };
                    writer.add(&key, value);
                    if writer.levels.evaluated >= MAX_EVALUATED_ROWS_PER_ANSWER {
                        return Ok(ControlFlow::Break(()));
                    }
                }
                _ => {}
            }
            Ok(ControlFlow::Continue(()))
        };
        let read = reader.read(bytes, at_end, &mut each);
        if let Some(message) = message {
            return DirectoryAnswer::Failed {
                job: self.id,
                problem: None,
                message,
            };
        }
        let read = match read {
            Ok(read) => read,
            Err(problem) => return failed(self.id, lang, problem),
        };
        self.next_offset += read as u64;
        match &mut self.work {
            Work::Check {
                tally: Some(tally), ..
            } => tally.levels.evaluated = 0,
            Work::Results {
                writer: Some(writer),
                ..
            } => writer.levels.evaluated = 0,
            _ => {}
        }
        let finished =
            matches!(outcome, Outcome::Done) || (at_end && self.next_offset == self.file_size);
        let rows = self.reader.rows();
        if !finished {
            let csv = match &mut self.work {
                Work::Results {
                    writer: Some(writer),
                    ..
                } => writer.take(),
                _ => Vec::new(),
            };
            return DirectoryAnswer::Progress {
                job: self.id,
                next_offset: self.next_offset,
                rows,
                csv,
            };
        }
        self.finish(rows)
    }

    fn finish(&mut self, rows: u64) -> DirectoryAnswer {
        let job = self.id;
        match std::mem::replace(
            &mut self.work,
            Work::Columns {
                source: String::new(),
                found: None,
            },
        ) {
            Work::Columns {
                found: Some(columns),
                ..
            } => DirectoryAnswer::Columns { job, columns },
            Work::Columns { found: None, .. }
            | Work::Survey { tally: None, .. }
            | Work::Check { tally: None, .. }
            | Work::Results { writer: None, .. } => failed(job, self.lang, FileProblem::Empty),
            Work::Survey {
                tally: Some(tally), ..
            } => DirectoryAnswer::Surveyed {
                job,
                survey: tally.finish(),
            },
            Work::Check {
                tally: Some(tally), ..
            } => {
                let report = tally.report();
                self.work = Work::Checked(tally);
                DirectoryAnswer::Checked { job, report }
            }
            Work::Checked(tally) => {
                let report = tally.report();
                self.work = Work::Checked(tally);
                DirectoryAnswer::Checked { job, report }
            }
            Work::Results {
                writer: Some(mut writer),
                ..
            } => DirectoryAnswer::Written {
                job,
                rows,
                csv: writer.take(),
            },
        }
    }
}

/// The key and the source value of a row (each empty when the row has fewer fields).
fn key_and_value<'a>(
    record: &Record<'a>,
    spec: &CheckSpec,
) -> Result<(&'a str, &'a str), FileProblem> {
    let key = match spec.key_column {
        Some(column) => record.field(column as usize)?.unwrap_or_default(),
        None => "",
    };
    let value = record.field(spec.column as usize)?.unwrap_or_default();
    Ok((key, value))
}

/// Reads the header: answers the columns pass, or starts the pass's tally.
fn header(
    work: &mut Work,
    record: &Record<'_>,
    lang: Lang,
    outcome: &mut Outcome,
    message: &mut Option<String>,
) -> Result<ControlFlow<()>, FileProblem> {
    let names = record.fields()?;
    let in_header = |column: u32| (column as usize) < names.len();
    match work {
        Work::Columns { source, found } => {
            *found = Some(columns(&names, record.delimiter, source));
            *outcome = Outcome::Done;
            return Ok(ControlFlow::Break(()));
        }
        Work::Survey { column, tally } => {
            if !in_header(*column) {
                return Err(FileProblem::NoSuchColumn);
            }
            *tally = Some(SurveyTally::new(*column as usize, names.len()));
        }
        Work::Check { spec, tally } => {
            if !in_header(spec.column) || spec.key_column.is_some_and(|key| !in_header(key)) {
                return Err(FileProblem::NoSuchColumn);
            }
            match CheckTally::new(spec.clone(), lang) {
                Ok(made) => *tally = Some(Box::new(made)),
                Err(why) => {
                    *message = Some(why);
                    return Ok(ControlFlow::Break(()));
                }
            }
        }
        Work::Results { spec, writer } => {
            if !in_header(spec.column) || spec.key_column.is_some_and(|key| !in_header(key)) {
                return Err(FileProblem::NoSuchColumn);
            }
            let levels = match Levels::new(spec, lang) {
                Ok(levels) => levels,
                Err(why) => {
                    *message = Some(why);
                    return Ok(ControlFlow::Break(()));
                }
            };
            let key_name = spec
                .key_column
                .and_then(|key| names.get(key as usize))
                .copied()
                .unwrap_or("row");
            let source_name = names.get(spec.column as usize).copied().unwrap_or_default();
            *writer = Some(Box::new(ResultsWriter::new(
                spec.clone(),
                levels,
                record.delimiter,
                key_name,
                source_name,
            )));
        }
        Work::Checked(_) => {}
    }
    Ok(ControlFlow::Continue(()))
}
