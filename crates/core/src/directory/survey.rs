//! The second pass: the chosen column over every row, so the admin can choose the levels as
//! the helper lets them on samples: how many rows, how many have no value, which of the
//! helper's delimiters ([`DELIMITERS`]) fits best over all rows (the helper's rule: the one
//! most values contain), how deep the values go at each delimiter, and the first distinct
//! values as samples for the helper's table.

use serde::{Deserialize, Serialize};

use crate::expr::{delimiters_in, most_found_delimiter, DELIMITERS, MAX_LEVELS_SHOWN};
use crate::helpers::MAX_SAMPLE_CHARS;

use super::limits::MAX_SURVEY_SAMPLES;

/// How the values split at one delimiter.
#[derive(Clone, PartialEq, Eq, Debug, Serialize, Deserialize)]
pub struct DelimiterSurvey {
    /// The delimiter.
    pub delimiter: char,
    /// How many values contain it (in their first 4,096 bytes, as the helper looks).
    pub rows: u64,
    /// How many values split into 1, 2 … levels: `depths[n - 1]` have `n`; the last entry
    /// counts those deeper than [`MAX_LEVELS_SHOWN`].
    pub depths: Vec<u64>,
}

impl DelimiterSurvey {
    /// The depth most values have (the shallower on a tie), `None` with no values.
    ///
    /// ```
    /// use scim_token_core::directory::DelimiterSurvey;
    /// let survey = DelimiterSurvey { delimiter: '>', rows: 5, depths: vec![1, 3, 3] };
    /// assert_eq!(survey.most_common_depth(), Some(2));
    /// ```
    pub fn most_common_depth(&self) -> Option<u32> {
        let mut best: Option<(usize, u64)> = None;
        for (at, &rows) in self.depths.iter().enumerate() {
            if rows > 0 && best.is_none_or(|(_, most)| rows > most) {
                best = Some((at, rows));
            }
        }
        best.and_then(|(at, _)| u32::try_from(at + 1).ok())
    }
}

/// What the survey found in the chosen column.
#[derive(Clone, PartialEq, Eq, Debug, Serialize, Deserialize)]
pub struct Survey {
    /// Rows read (users, the header not counted).
    pub rows: u64,
    /// Rows whose value is empty.
    pub empty: u64,
    /// Rows with another number of fields than the header (a sign of a broken quote).
    pub irregular_rows: u64,
    /// The first such row, counting the header as row 1.
    pub first_irregular_row: Option<u64>,
    /// The delimiter the most values contain, as the helper chooses; `None`: none does.
    pub detected_delimiter: Option<char>,
    /// Each of [`DELIMITERS`], in order: how many values contain it, how deep they split.
    pub delimiters: Vec<DelimiterSurvey>,
    /// The first distinct values (at most [`MAX_SURVEY_SAMPLES`], each at most
    /// [`MAX_SAMPLE_CHARS`] characters): samples for the helper's table.
    pub samples: Vec<String>,
}

/// The index in [`DELIMITERS`] of each byte that is one.
fn delimiter_index(byte: u8) -> Option<usize> {
    DELIMITERS
        .iter()
        .position(|&d| u32::from(d) == u32::from(byte))
}

/// The survey as it is counted, row by row.
pub(crate) struct SurveyTally {
    column: usize,
    header_fields: usize,
    survey: Survey,
    contains: [u64; DELIMITERS.len()],
}

impl SurveyTally {
    /// A tally of `column`, for a header of `header_fields` fields.
    pub fn new(column: usize, header_fields: usize) -> SurveyTally {
        SurveyTally {
            column,
            header_fields,
            survey: Survey {
                rows: 0,
                empty: 0,
                irregular_rows: 0,
                first_irregular_row: None,
                detected_delimiter: None,
                delimiters: DELIMITERS
                    .iter()
                    .map(|&delimiter| DelimiterSurvey {
                        delimiter,
                        rows: 0,
                        depths: vec![0; MAX_LEVELS_SHOWN + 1],
                    })
                    .collect(),
                samples: Vec::new(),
            },
            contains: [0; DELIMITERS.len()],
        }
    }

    /// The column surveyed.
    pub fn column(&self) -> usize {
        self.column
    }

    /// Counts one row: its value in the column, and how many fields it has.
    pub fn add(&mut self, row: u64, value: &str, fields: usize) {
        let survey = &mut self.survey;
        survey.rows += 1;
        if fields != self.header_fields {
            survey.irregular_rows += 1;
            survey.first_irregular_row.get_or_insert(row);
        }
        if value.is_empty() {
            survey.empty += 1;
            return;
        }
        for (count, found) in self.contains.iter_mut().zip(delimiters_in(value)) {
            *count += u64::from(found);
        }
        let mut levels = [1usize; DELIMITERS.len()];
        for byte in value.bytes() {
            if let Some(at) = delimiter_index(byte) {
                levels[at] += 1;
            }
        }
        for (delimiter, depth) in survey.delimiters.iter_mut().zip(levels) {
            let bucket = depth.min(MAX_LEVELS_SHOWN + 1) - 1;
            if let Some(slot) = delimiter.depths.get_mut(bucket) {
                *slot += 1;
            }
        }
        if survey.samples.len() < MAX_SURVEY_SAMPLES
            && value.chars().nth(MAX_SAMPLE_CHARS).is_none()
            && !value.contains(['\n', '\r'])
            && !survey.samples.iter().any(|sample| sample == value)
        {
            survey.samples.push(value.to_owned());
        }
    }

    /// The survey of every row counted.
    pub fn finish(mut self) -> Survey {
        let counts = self
            .contains
            .map(|count| usize::try_from(count).unwrap_or(usize::MAX));
        self.survey.detected_delimiter = most_found_delimiter(&counts);
        for (delimiter, rows) in self.survey.delimiters.iter_mut().zip(self.contains) {
            delimiter.rows = rows;
        }
        self.survey
    }
}
