//! The directory check's questions and answers, which travel between the page and the
//! directory worker (crates/directory-worker) as postcard bytes of these types.
//!
//! They are a pair of their own, not variants of the helpers' [`crate::helpers::Question`] and
//! [`crate::helpers::Answer`]: those are encoded and decoded by the widget on every page and by
//! the helpers' worker, and the directory's reports would put their decoding into both (6.3 kB
//! gzip in the widget, docs/performance.md). As there, bytes are read as exactly one message or
//! refused ([`DirectoryQuestion::from_bytes`], [`DirectoryAnswer::from_bytes`]).

use serde::{Deserialize, Serialize};

use crate::helpers::{exactly_one, MAX_ATTRIBUTE_NAME_BOX};
use crate::lang::Lang;

use super::check::{CheckReport, CheckSpec, GroupId, SampleUser};
use super::columns::Columns;
use super::limits::MAX_SLICE_BYTES;
use super::reader::FileProblem;
use super::survey::Survey;

/// Which pass over the file a job makes.
#[derive(Clone, PartialEq, Eq, Debug, Serialize, Deserialize)]
pub enum Pass {
    /// The header only: its columns, the delimiter, the default source and key columns.
    Columns {
        /// The helper's source attribute, whose column is the default.
        source: String,
    },
    /// One column over every row: its delimiters and depths ([`Survey`]).
    Survey {
        /// The column (from 0).
        column: u32,
    },
    /// Every row evaluated and counted ([`CheckReport`]).
    Check(CheckSpec),
    /// Every row evaluated and written as CSV, slice by slice.
    Results(CheckSpec),
}

/// A question of the directory check. `job` comes back in the answer.
#[derive(Clone, PartialEq, Eq, Debug, Serialize, Deserialize)]
pub enum DirectoryQuestion {
    /// Starts a pass over a file of `file_size` bytes, from its first byte; whatever job the
    /// worker held before is dropped.
    Start {
        /// Which job this is (a new number for each start).
        job: u32,
        /// The language of the answers' texts.
        lang: Lang,
        /// The file's size (`File.size`).
        file_size: u64,
        /// The pass.
        pass: Pass,
    },
    /// The file's bytes from `offset`, which is the last answer's `next_offset`; the slice
    /// that reaches `file_size` is the last.
    Slice {
        /// The job.
        job: u32,
        /// Where in the file the bytes start.
        offset: u64,
        /// At most [`MAX_SLICE_BYTES`] bytes.
        bytes: Vec<u8>,
    },
    /// The sample of users in one group of the finished check.
    Users {
        /// The job.
        job: u32,
        /// The group, as the report names it.
        group: GroupId,
    },
    /// Drops the job and everything it holds («Stop», «Clear»).
    Stop {
        /// The job.
        job: u32,
    },
}

impl DirectoryQuestion {
    /// The job the question is about.
    pub fn job(&self) -> u32 {
        match self {
            DirectoryQuestion::Start { job, .. }
            | DirectoryQuestion::Slice { job, .. }
            | DirectoryQuestion::Users { job, .. }
            | DirectoryQuestion::Stop { job } => *job,
        }
    }

    /// The question as the bytes sent to the directory worker.
    pub fn to_bytes(&self) -> Vec<u8> {
        // Writing to a Vec cannot fail for these types.
        postcard::to_allocvec(self).unwrap_or_default()
    }

    /// The bytes of a [`DirectoryQuestion::Slice`] of `len` bytes, up to the bytes themselves:
    /// the browser reads them and the file's bytes into one buffer, so the file never enters the
    /// page's wasm memory (postcard writes a `Vec<u8>` as its length, a varint, then its bytes).
    ///
    /// ```
    /// use scim_token_core::directory::DirectoryQuestion;
    ///
    /// for len in [0, 1, 127, 128, 16_383, 16_384, 1 << 20] {
    ///     let bytes = vec![7; len];
    ///     let whole = DirectoryQuestion::Slice { job: 3, offset: 1 << 33, bytes: bytes.clone() };
    ///     let header = DirectoryQuestion::slice_header(3, 1 << 33, len);
    ///     assert_eq!([header, bytes].concat(), whole.to_bytes(), "{len}");
    /// }
    /// ```
    pub fn slice_header(job: u32, offset: u64, len: usize) -> Vec<u8> {
        let empty = DirectoryQuestion::Slice {
            job,
            offset,
            bytes: Vec::new(),
        };
        let mut header = empty.to_bytes();
        // The empty slice's length, 0, is its last byte.
        header.pop();
        let mut rest = len;
        while rest >= 0x80 {
            header.push((rest & 0x7F) as u8 | 0x80);
            rest >>= 7;
        }
        header.push(rest as u8);
        header
    }

    /// Reads a question from the page's bytes; `None` (refused) unless they are exactly one
    /// question with every value in range: a slice of at most [`MAX_SLICE_BYTES`], a source
    /// attribute's name of at most [`MAX_ATTRIBUTE_NAME_BOX`] bytes.
    ///
    /// ```
    /// use scim_token_core::directory::DirectoryQuestion;
    ///
    /// let question = DirectoryQuestion::Stop { job: 300 };
    /// let bytes = question.to_bytes();
    /// assert_eq!(DirectoryQuestion::from_bytes(&bytes), Some(question));
    /// assert_eq!(DirectoryQuestion::from_bytes(&bytes[..bytes.len() - 1]), None, "cut short");
    /// assert_eq!(DirectoryQuestion::from_bytes(&[bytes.as_slice(), &[0]].concat()), None, "a byte more");
    /// ```
    pub fn from_bytes(bytes: &[u8]) -> Option<DirectoryQuestion> {
        exactly_one(bytes).filter(DirectoryQuestion::is_valid)
    }

    fn is_valid(&self) -> bool {
        let name_fits = |name: &str| name.len() <= MAX_ATTRIBUTE_NAME_BOX;
        match self {
            DirectoryQuestion::Slice { bytes, .. } => bytes.len() <= MAX_SLICE_BYTES,
            DirectoryQuestion::Start { pass, .. } => match pass {
                Pass::Columns { source } => name_fits(source),
                Pass::Check(spec) | Pass::Results(spec) => name_fits(&spec.source),
                Pass::Survey { .. } => true,
            },
            _ => true,
        }
    }
}

/// The worker's answer to a [`DirectoryQuestion`].
#[derive(Clone, PartialEq, Eq, Debug, Serialize, Deserialize)]
pub enum DirectoryAnswer {
    /// The pass goes on: send the file's bytes from `next_offset` (a slice can be read in
    /// part, when its rows took their share of work: the rest comes again in the next).
    Progress {
        /// The job.
        job: u32,
        /// Where the next slice starts.
        next_offset: u64,
        /// Users read so far.
        rows: u64,
        /// The results file's bytes for the rows read by this slice ([`Pass::Results`]
        /// only; empty otherwise).
        csv: Vec<u8>,
    },
    /// The columns pass is done.
    Columns {
        /// The job.
        job: u32,
        /// What the header holds.
        columns: Columns,
    },
    /// The survey is done.
    Surveyed {
        /// The job.
        job: u32,
        /// What it found.
        survey: Survey,
    },
    /// The check is done; the worker keeps its groups' samples until the job is dropped.
    Checked {
        /// The job.
        job: u32,
        /// What it found.
        report: CheckReport,
    },
    /// The results file is done.
    Written {
        /// The job.
        job: u32,
        /// Users written.
        rows: u64,
        /// The file's last bytes.
        csv: Vec<u8>,
    },
    /// A group's sample of users.
    Users {
        /// The job.
        job: u32,
        /// The group.
        group: GroupId,
        /// Its first users, at most [`super::limits::MAX_SAMPLE_USERS`].
        users: Vec<SampleUser>,
        /// How many users it has in all.
        total: u64,
    },
    /// The job cannot go on; the worker has dropped it.
    Failed {
        /// The job.
        job: u32,
        /// What is wrong with the file, when the file is the reason.
        problem: Option<FileProblem>,
        /// What to tell the admin, in the job's language.
        message: String,
    },
    /// The worker holds no such job (it was stopped, replaced or failed), or not in the state
    /// asked (a slice at another offset, users before the check is done).
    NoJob {
        /// The job asked about.
        job: u32,
    },
}

impl DirectoryAnswer {
    /// The answer as the bytes sent to the page.
    pub fn to_bytes(&self) -> Vec<u8> {
        // Writing to a Vec cannot fail for these types.
        postcard::to_allocvec(self).unwrap_or_default()
    }

    /// Reads an answer from the directory worker's bytes; `None` (refused) unless they are
    /// exactly one answer with every value in range (the worker sends no bytes for a question
    /// it refused).
    ///
    /// ```
    /// use scim_token_core::directory::DirectoryAnswer;
    ///
    /// let answer = DirectoryAnswer::NoJob { job: 2 };
    /// assert_eq!(DirectoryAnswer::from_bytes(&answer.to_bytes()), Some(answer));
    /// assert_eq!(DirectoryAnswer::from_bytes(&[]), None, "no answer");
    /// assert_eq!(DirectoryAnswer::from_bytes(&[42, 0]), None, "no such answer");
    /// ```
    pub fn from_bytes(bytes: &[u8]) -> Option<DirectoryAnswer> {
        exactly_one(bytes)
    }

    /// The job the answer is about.
    pub fn job(&self) -> u32 {
        match self {
            DirectoryAnswer::Progress { job, .. }
            | DirectoryAnswer::Columns { job, .. }
            | DirectoryAnswer::Surveyed { job, .. }
            | DirectoryAnswer::Checked { job, .. }
            | DirectoryAnswer::Written { job, .. }
            | DirectoryAnswer::Users { job, .. }
            | DirectoryAnswer::Failed { job, .. }
            | DirectoryAnswer::NoJob { job } => *job,
        }
    }
}
