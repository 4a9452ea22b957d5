//! The fourth pass, «Download results»: every row as CSV (the key column, the source value,
//! and the three levels as the expressions give them), written with the `csv` crate slice by
//! slice, so each answer carries only its own rows' bytes and the page assembles a `Blob`.
//!
//! The file uses the export's own delimiter (`;` from a Norwegian Excel opens in that Excel
//! again) and starts with a UTF-8 byte-order mark, which Excel needs to read UTF-8. A level
//! whose evaluation failed is written empty (the check reports those users).

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
        let mut header = vec![key_name, source_name];
        header.extend(ScimTarget::ALL.map(target_column));
        // Writing into a Vec cannot fail.
        let _ = csv.write_record(header);
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
        let _ = self.csv.write_record([
            key,
            value,
            organization.text(),
            division.text(),
            department.text(),
        ]);
    }

    /// The bytes written since the last call.
    pub fn take(&mut self) -> Vec<u8> {
        let written = std::mem::replace(&mut self.csv, writer(self.delimiter, Vec::new()));
        // Flushing into a Vec cannot fail.
        written.into_inner().unwrap_or_default()
    }
}
