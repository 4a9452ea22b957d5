//! Reading a users export slice by slice: RFC 4180 CSV with csv-core's push parser, which keeps
//! its place between slices, so a record, a quoted line break or a UTF-8 character split across
//! two slices reads as if the file were whole.
//!
//! Before the parser starts, the header line is gathered (up to its first line break outside
//! quotes) to choose the field delimiter: `,`, or `;` when the header has more of those (Excel
//! in Norwegian and other languages with a decimal comma writes `;`). A UTF-8 byte-order mark
//! is skipped, CRLF, LF and CR all end a record, blank lines are skipped, `""` in a quoted field
//! is one `"`. What csv-core reads leniently is refused here: a NUL byte (a binary file), bytes
//! that are not UTF-8, a field longer than [`MAX_FIELD_BYTES`] (with the row where a quote
//! opened, when one did and never closed), and a quote still open at the end of the file.

use std::ops::ControlFlow;

use serde::{Deserialize, Serialize};

use super::limits::{MAX_COLUMNS, MAX_FIELD_BYTES, MAX_ROW_BYTES};

/// Why a file cannot be read. Its message, in each language, is
/// [`crate::i18n::directory::file_problem`].
#[derive(Clone, Copy, PartialEq, Eq, Debug, Serialize, Deserialize)]
pub enum FileProblem {
    /// Larger than [`super::limits::MAX_FILE_BYTES`].
    TooLarge {
        /// The file's size.
        bytes: u64,
    },
    /// More users than [`super::limits::MAX_ROWS`].
    TooManyRows,
    /// A NUL byte: not a text file.
    Binary,
    /// This row is not UTF-8 text (a file saved in another encoding, or not text).
    NotUtf8 {
        /// The row, counting the header as row 1, as a spreadsheet numbers them.
        row: u64,
    },
    /// A quote opened in this row is never closed, or not where its field ends (`"a"b`): the
    /// rest of the file would be one field, or read out of step.
    UnclosedQuote {
        /// The row where the quote opened.
        row: u64,
    },
    /// This row has a field longer than [`MAX_FIELD_BYTES`], or is longer than
    /// [`MAX_ROW_BYTES`] in all.
    FieldTooLong {
        /// The row.
        row: u64,
    },
    /// This row has more than [`MAX_COLUMNS`] fields.
    TooManyColumns {
        /// The row.
        row: u64,
    },
    /// The file has no header line: it is empty.
    Empty,
    /// The column asked for is not in the header (the file changed between passes?).
    NoSuchColumn,
}

/// One record of the file, its fields as read (quotes undone).
pub(crate) struct Record<'a> {
    /// The row, counting the header as row 1.
    pub row: u64,
    /// The file's field delimiter.
    pub delimiter: u8,
    bytes: &'a [u8],
    ends: &'a [usize],
}

impl<'a> Record<'a> {
    /// How many fields the record has.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// Field `index` as text; `Ok(None)` when the row has fewer fields.
    pub fn field(&self, index: usize) -> Result<Option<&'a str>, FileProblem> {
        let Some(&end) = self.ends.get(index) else {
            return Ok(None);
        };
        let start = index
            .checked_sub(1)
            .and_then(|before| self.ends.get(before))
            .copied()
            .unwrap_or(0);
        let bytes = self.bytes.get(start..end).unwrap_or_default();
        std::str::from_utf8(bytes)
            .map(Some)
            .map_err(|_| FileProblem::NotUtf8 { row: self.row })
    }

    /// Every field as text.
    pub fn fields(&self) -> Result<Vec<&'a str>, FileProblem> {
        (0..self.len())
            .map(|index| self.field(index).map(Option::unwrap_or_default))
            .collect()
    }
}

/// Where a quoted field stands, byte by byte, beside csv-core (which reads an unclosed quote
/// leniently to the end of the file and does not say so).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Quote {
    /// At the start of a field: a `"` here opens a quoted field.
    FieldStart,
    /// In an unquoted field, or after a quoted one closed.
    Outside,
    /// Inside a quoted field.
    Inside,
    /// A `"` inside a quoted field: it closes the field, unless another `"` follows.
    MaybeClosed,
    /// Something other than a delimiter, a line break or `"` after a closing quote (`"a"b`):
    /// the quotes are out of step, and what follows would be read wrong.
    OutOfStep,
}

impl Quote {
    fn step(self, byte: u8, delimiter: u8) -> Quote {
        let ends_field = byte == delimiter || byte == b'\n' || byte == b'\r';
        match self {
            Quote::FieldStart if byte == b'"' => Quote::Inside,
            Quote::Inside if byte == b'"' => Quote::MaybeClosed,
            Quote::Inside => Quote::Inside,
            Quote::MaybeClosed if byte == b'"' => Quote::Inside,
            Quote::OutOfStep => Quote::OutOfStep,
            _ if ends_field => Quote::FieldStart,
            Quote::MaybeClosed => Quote::OutOfStep,
            _ => Quote::Outside,
        }
    }

    fn after(self, bytes: &[u8], delimiter: u8) -> Quote {
        bytes
            .iter()
            .fold(self, |state, &byte| state.step(byte, delimiter))
    }
}

/// What [`CsvSlices`] is doing.
enum Stage {
    /// Skipping a byte-order mark: how many of its bytes were seen.
    Bom(usize),
    /// Gathering the header line to choose the delimiter.
    Header(HeaderLine),
    /// Reading records.
    Records,
}

/// The UTF-8 byte-order mark.
const BOM: [u8; 3] = [0xEF, 0xBB, 0xBF];

/// A CSV file read slice by slice. Records are handed to a callback as they complete; the
/// callback can pause the reading after any record, and the bytes not read are given again
/// with the next slice.
pub(crate) struct CsvSlices {
    stage: Stage,
    parser: csv_core::Reader,
    delimiter: u8,
    quote: Quote,
    out: Vec<u8>,
    out_len: usize,
    ends: Vec<usize>,
    ends_len: usize,
    /// Records completed, the header included.
    records: u64,
    ended: bool,
}

impl CsvSlices {
    /// A reader at the start of a file.
    pub fn new() -> CsvSlices {
        CsvSlices {
            stage: Stage::Bom(0),
            parser: csv_core::Reader::new(),
            delimiter: b',',
            quote: Quote::FieldStart,
            out: vec![0; 4096],
            out_len: 0,
            ends: vec![0; 64],
            ends_len: 0,
            records: 0,
            ended: false,
        }
    }

    /// The users read so far (records after the header).
    pub fn rows(&self) -> u64 {
        self.records.saturating_sub(1)
    }

    /// The bytes this reader holds, for the measure of the worker's memory.
    pub fn retained_bytes(&self) -> usize {
        let header = match &self.stage {
            Stage::Header(header) => header.line.capacity(),
            _ => 0,
        };
        header + self.out.capacity() + self.ends.capacity() * size_of::<usize>()
    }

    /// Reads the records in `input`, handing each to `each`, until `input` is used up or
    /// `each` breaks; `at_end`: `input` is the rest of the file. Returns how many bytes of
    /// `input` were read: the rest must be given again.
    pub fn read(
        &mut self,
        mut input: &[u8],
        at_end: bool,
        each: &mut dyn FnMut(Record<'_>) -> Result<ControlFlow<()>, FileProblem>,
    ) -> Result<usize, FileProblem> {
        if input.contains(&0) {
            return Err(FileProblem::Binary);
        }
        let given = input.len();
        if let Stage::Bom(mut seen) = self.stage {
            while seen < BOM.len() && input.first() == BOM.get(seen) {
                seen += 1;
                input = input.get(1..).unwrap_or_default();
            }
            if seen < BOM.len() && input.is_empty() && !at_end {
                self.stage = Stage::Bom(seen);
                return Ok(given);
            }
            if seen != 0 && seen != BOM.len() {
                // The start of a byte-order mark, then something else: not UTF-8.
                return Err(FileProblem::NotUtf8 { row: 1 });
            }
            self.stage = Stage::Header(HeaderLine::default());
        }
        if let Stage::Header(header) = &mut self.stage {
            let taken = header.take(input);
            input = input.get(taken..).unwrap_or_default();
            if header.line.len() > MAX_ROW_BYTES {
                return Err(if header.quoted {
                    FileProblem::UnclosedQuote { row: 1 }
                } else {
                    FileProblem::FieldTooLong { row: 1 }
                });
            }
            if !header.complete && !at_end {
                return Ok(given);
            }
            let line = std::mem::take(&mut header.line);
            if line.iter().all(|byte| matches!(byte, b'\r' | b'\n')) {
                return Err(FileProblem::Empty);
            }
            self.delimiter = choose_delimiter(&line);
            self.parser = csv_core::ReaderBuilder::new()
                .delimiter(self.delimiter)
                .build();
            self.stage = Stage::Records;
            let header_at_end = at_end && input.is_empty();
            self.feed(&line, header_at_end, each)?;
        }
        let read = self.feed(input, at_end, each)?;
        Ok(given - input.len() + read)
    }

    /// Gives `input` to csv-core; see [`CsvSlices::read`].
    fn feed(
        &mut self,
        input: &[u8],
        at_end: bool,
        each: &mut dyn FnMut(Record<'_>) -> Result<ControlFlow<()>, FileProblem>,
    ) -> Result<usize, FileProblem> {
        let mut at = 0;
        loop {
            if self.ended {
                return Ok(at);
            }
            let rest = input.get(at..).unwrap_or_default();
            if rest.is_empty() && !at_end {
                return Ok(at);
            }
            let (result, read, written, ended) = self.parser.read_record(
                rest,
                &mut self.out[self.out_len..],
                &mut self.ends[self.ends_len..],
            );
            self.quote = self.quote.after(&rest[..read], self.delimiter);
            if self.quote == Quote::OutOfStep {
                // The bytes of one call belong to one record: the quote opened in it.
                return Err(FileProblem::UnclosedQuote {
                    row: self.records + 1,
                });
            }
            at += read;
            self.out_len += written;
            self.ends_len += ended;
            let row = self.records + 1;
            match result {
                csv_core::ReadRecordResult::InputEmpty => {
                    if !at_end {
                        return Ok(at);
                    }
                }
                csv_core::ReadRecordResult::OutputFull => {
                    let field_start = self
                        .ends_len
                        .checked_sub(1)
                        .map_or(0, |last| self.ends[last]);
                    if self.out_len - field_start >= MAX_FIELD_BYTES
                        || self.out.len() >= MAX_ROW_BYTES
                    {
                        return Err(if self.quote == Quote::Inside {
                            FileProblem::UnclosedQuote { row }
                        } else {
                            FileProblem::FieldTooLong { row }
                        });
                    }
                    let longer = (self.out.len() * 2).min(MAX_ROW_BYTES);
                    self.out.resize(longer, 0);
                }
                csv_core::ReadRecordResult::OutputEndsFull => {
                    if self.ends.len() > MAX_COLUMNS {
                        return Err(FileProblem::TooManyColumns { row });
                    }
                    let more = self.ends.len() * 2;
                    self.ends.resize(more, 0);
                }
                csv_core::ReadRecordResult::Record => {
                    // csv-core ends a quoted field at the end of the file, however far back
                    // its quote opened.
                    if self.quote == Quote::Inside {
                        return Err(FileProblem::UnclosedQuote { row });
                    }
                    if self.ends_len > MAX_COLUMNS {
                        return Err(FileProblem::TooManyColumns { row });
                    }
                    let ends = &self.ends[..self.ends_len];
                    if ends.windows(2).any(|two| two[1] - two[0] > MAX_FIELD_BYTES)
                        || ends.first().is_some_and(|&first| first > MAX_FIELD_BYTES)
                    {
                        return Err(FileProblem::FieldTooLong { row });
                    }
                    self.records = row;
                    let record = Record {
                        row,
                        delimiter: self.delimiter,
                        bytes: &self.out[..self.out_len],
                        ends,
                    };
                    let flow = each(record)?;
                    self.out_len = 0;
                    self.ends_len = 0;
                    if flow.is_break() {
                        return Ok(at);
                    }
                }
                csv_core::ReadRecordResult::End => {
                    self.ended = true;
                    return Ok(at);
                }
            }
        }
    }
}

/// The header line as it is gathered, slice by slice: up to and including its first line
/// break outside quotes (line breaks before it are blank lines, which the parser skips).
#[derive(Default)]
struct HeaderLine {
    line: Vec<u8>,
    quoted: bool,
    content: bool,
    complete: bool,
}

impl HeaderLine {
    /// Takes the header's bytes from the start of `input`; returns how many.
    fn take(&mut self, input: &[u8]) -> usize {
        let mut taken = input.len();
        for (at, &byte) in input.iter().enumerate() {
            match byte {
                b'"' => self.quoted = !self.quoted,
                b'\n' | b'\r' if !self.quoted && self.content => {
                    self.complete = true;
                    taken = at + 1;
                    break;
                }
                b'\n' | b'\r' => {}
                _ => self.content = true,
            }
        }
        self.line
            .extend_from_slice(input.get(..taken).unwrap_or_default());
        taken
    }
}

/// The field delimiter of a header line: `;` when it has more semicolons than commas outside
/// quotes, else `,`.
fn choose_delimiter(line: &[u8]) -> u8 {
    let (mut commas, mut semicolons, mut quoted) = (0usize, 0usize, false);
    for &byte in line {
        match byte {
            b'"' => quoted = !quoted,
            b',' if !quoted => commas += 1,
            b';' if !quoted => semicolons += 1,
            _ => {}
        }
    }
    if semicolons > commas {
        b';'
    } else {
        b','
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    fn read_in_slices(file: &[u8], size: usize) -> Result<Vec<Vec<String>>, FileProblem> {
        let mut reader = CsvSlices::new();
        let mut rows = Vec::new();
        let mut at = 0;
        loop {
            let end = (at + size).min(file.len());
            let at_end = end == file.len();
            let read = reader.read(&file[at..end], at_end, &mut |record| {
                rows.push(record.fields()?.iter().map(|f| f.to_string()).collect());
                Ok(ControlFlow::Continue(()))
            })?;
            at += read;
            if at_end && at == file.len() {
                return Ok(rows);
            }
        }
    }

    #[test]
    fn quoted_fields_semicolons_a_bom_and_crlf_read_the_same_in_any_slices() {
        let file =
            "\u{FEFF}\"name\";\"dept\"\r\n\"Ola; \"\"N\"\"\";\"A > B\r\nC\"\r\n\r\nKari;Ø\r\n";
        for size in [1, 2, 3, 5, 64] {
            let rows = read_in_slices(file.as_bytes(), size).unwrap();
            assert_eq!(
                rows,
                [
                    vec!["name", "dept"],
                    vec!["Ola; \"N\"", "A > B\r\nC"],
                    vec!["Kari", "Ø"],
                ],
                "{size}"
            );
        }
    }

    #[test]
    fn the_delimiter_comes_from_the_header() {
        assert_eq!(choose_delimiter(b"a;b;c"), b';');
        assert_eq!(choose_delimiter(b"\"a,b\";c"), b';');
        assert_eq!(choose_delimiter(b"a,b;c"), b',');
        assert_eq!(choose_delimiter(b"a"), b',');
    }

    #[test]
    fn an_unclosed_quote_at_the_end_is_refused_with_its_row() {
        let file = b"a,b\n1,2\n3,\"open\n4,5\n";
        for size in [1, 4, 100] {
            assert_eq!(
                read_in_slices(file, size),
                Err(FileProblem::UnclosedQuote { row: 3 }),
                "{size}"
            );
        }
    }
}
