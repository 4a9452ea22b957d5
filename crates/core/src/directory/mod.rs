//! «Check the whole directory» (issue 27): a users export (Entra's «Download users», or
//! `Get-MgUser … | Export-Csv`) read in a worker of its own (crates/directory-worker, loaded
//! only when the admin starts a check) slice by slice, and every user's source value split
//! with the expressions «Map organisation levels» writes.
//!
//! The page reads the file in slices ([`SLICE_BYTES`], `Blob.slice().arrayBuffer()`) and sends
//! each as a question; the worker ([`DirectoryWorker`]) keeps the job between questions and
//! answers each slice with its progress, so one slice is in flight at a time, the file is
//! never whole in memory, and every answer comes well within the page's watchdog. «Stop» is
//! the page sending no more ([`DirectoryQuestion::Stop`] drops what the worker holds; ending
//! the worker does too). A job is one pass ([`Pass`]) over the file from its first byte:
//!
//! 1. [`Pass::Columns`]: the header's names and delimiter, the default source and key columns;
//! 2. [`Pass::Survey`]: the chosen column over every row: which delimiter, how deep;
//! 3. [`Pass::Check`]: every row evaluated and counted per target ([`CheckReport`]), with a
//!    sample of users per group ([`DirectoryQuestion::Users`]);
//! 4. [`Pass::Results`]: every row as CSV, in slices, for «Download results».
//!
//! Each part does one job: [`reader`](self) (CSV over slices, with csv-core's push parser),
//! `columns`, `survey`, `check` (and `problems`: what looks wrong in a value; `rows`: what the
//! result's tables list), `results`
//! (written with the csv crate), `limits`, `messages` and `job` (the worker's state). Its
//! messages to the admin, in each language, are in [`crate::i18n::directory`].
//!
//! ```
//! use scim_token_core::directory::{
//!     CheckSpec, DirectoryAnswer, DirectoryQuestion, DirectoryWorker, Pass,
//! };
//! use scim_token_core::expr::LevelChoice;
//! use scim_token_core::lang::Lang;
//!
//! let file = "userPrincipalName,department\nada@contoso.com,\"Contoso > Sales\"\nbo@contoso.com,Contoso > HR\n";
//! let spec = CheckSpec {
//!     column: 1,
//!     key_column: Some(0),
//!     source: "department".into(),
//!     delimiter: '>',
//!     levels: [LevelChoice::position(1), None, Some(LevelChoice::Last)],
//! };
//! let mut worker = DirectoryWorker::default();
//! let file_size = file.len() as u64;
//! worker.answer(DirectoryQuestion::Start { job: 2, lang: Lang::En, file_size, pass: Pass::Check(spec) });
//! let mut offset = 0;
//! let report = loop {
//!     let bytes = file.as_bytes()[offset as usize..].iter().take(16).copied().collect();
//!     match worker.answer(DirectoryQuestion::Slice { job: 2, offset, bytes }) {
//!         DirectoryAnswer::Progress { next_offset, .. } => offset = next_offset,
//!         DirectoryAnswer::Checked { report, .. } => break report,
//!         other => panic!("{other:?}"),
//!     }
//! };
//! assert_eq!(report.rows, 2);
//! assert_eq!(report.targets[0].values[0].value, "Contoso");
//! assert_eq!(report.targets[0].values[0].users, 2);
//! assert_eq!(report.targets[1].values.len(), 2, "Sales and HR");
//! ```

// With `directory-messages` alone (the page's side) the worker's parts are compiled but not
// called: the reports and messages are what the page needs.
#![cfg_attr(not(feature = "directory"), allow(dead_code))]

mod check;
mod columns;
#[cfg(feature = "directory")]
mod job;
pub mod limits;
mod messages;
mod problems;
mod reader;
#[cfg(feature = "directory")]
mod results;
mod rows;
mod survey;

pub use check::{CheckReport, CheckSpec, GroupId, SampleUser, TargetReport, ValueCount};
pub use columns::{find_column, Columns, KEY_COLUMNS};
#[cfg(feature = "directory")]
pub use job::DirectoryWorker;
pub use limits::SLICE_BYTES;
pub use messages::{DirectoryAnswer, DirectoryQuestion, Pass};
pub use problems::{value_problems, ValueProblem};
pub use reader::FileProblem;
pub use rows::{GroupRow, MAX_VALUES_SHOWN};
pub use survey::{DelimiterSurvey, Survey};
