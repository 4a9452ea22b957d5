//! The fourth pass, «Download results»: every row as CSV (the key column, the source value,
//! and the three levels as the expressions give them), written with the `csv` crate slice by
//! slice, so each answer carries only its own rows' bytes and the page assembles a `Blob`.
//!
//! The file uses the export's own delimiter (`;` from a Norwegian Excel opens in that Excel
//! again) and starts with a UTF-8 byte-order mark, which Excel needs to read UTF-8. A level
//! whose evaluation failed is written empty (the check reports those users).
//!
//! Every cell a spreadsheet would read as a formula gets a leading `'` ([`defused`]), as OWASP
//! recommends against CSV injection: a directory value is typed by many people, and one that
//! starts with `=` must open in Excel as the text it is, not run.

use crate::expr::ScimTarget;

use super::check::{CheckSpec, Levels};

/// The results file as it is written.
pub(crate) struct ResultsWriter {
    /// The choices evaluated.
    pub spec: CheckSpec,
    /// The expressions and the levels of the values seen.
    pub levels: Levels,
    delimiter: u8,
    csv: csv::Writer<Vec<u8>>,
}

/// A CSV writer into `bytes`, with the export's delimiter and CRLF (as Excel writes).
fn writer(delimiter: u8, bytes: Vec<u8>) -> csv::Writer<Vec<u8>> {
    csv::WriterBuilder::new()
        .delimiter(delimiter)
        .terminator(csv::Terminator::CRLF)
        .from_writer(bytes)
}

/// `cell` as written to the results file: with a leading `'` when it starts with a character
/// that makes a spreadsheet read it as a formula (`=`, `+`, `-`, `@`, a tab or a carriage
/// return; OWASP, «CSV Injection»), so Excel and LibreOffice show it as text.
fn defused(cell: &str) -> std::borrow::Cow<'_, str> {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{cell}").into()
    } else {
        cell.into()
    }
}

/// The column names of the three levels.
fn target_column(target: ScimTarget) -> &'static str {
    match target {
        ScimTarget::Organization => "organization",
        ScimTarget::Division => "division",
        ScimTarget::Department => "department",
    }
}

impl ResultsWriter {
    /// A writer with the header written: `key_name` (the key column's name, or `row` without
    /// one) and `source_name` (the source column's).
    pub fn new(
        spec: CheckSpec,
        levels: Levels,
        delimiter: u8,
        key_name: &str,
        source_name: &str,
    ) -> ResultsWriter {
        let mut csv = writer(delimiter, "\u{FEFF}".as_bytes().to_vec());
        // The column names come from the export too.
        let mut header = vec![defused(key_name), defused(source_name)];
        header.extend(ScimTarget::ALL.map(|target| target_column(target).into()));
        // Writing into a Vec cannot fail.
        let _ = csv.write_record(header.iter().map(|cell| cell.as_bytes()));
        ResultsWriter {
            spec,
            levels,
            delimiter,
            csv,
        }
    }

    /// Writes one user's row.
    pub fn add(&mut self, key: &str, value: &str) {
        let levels = self.levels.of(value);
        let [organization, division, department] = levels.as_ref();
        let _ = self.csv.write_record(
            [
                key,
                value,
                organization.text(),
                division.text(),
                department.text(),
            ]
            .map(defused)
            .iter()
            .map(|cell| cell.as_bytes()),
        );
    }

    /// The bytes written since the last call.
    pub fn take(&mut self) -> Vec<u8> {
        let written = std::mem::replace(&mut self.csv, writer(self.delimiter, Vec::new()));
        // Flushing into a Vec cannot fail.
        written.into_inner().unwrap_or_default()
    }
}
