//! The directory check's limits: everything a users export can size (its bytes, its rows, its
//! longest field, how many distinct values and sample users are kept) has a ceiling here, each
//! stated to the admin when it is reached (`crate::i18n::directory`) and tested just under and
//! just over (crates/core/tests/directory.rs).
//!
//! Together they bound the worker's memory whatever the file holds: docs/helpers.md «The
//! directory check» adds them up, and `cargo run --release -p scim-token-core --example
//! directory_measure` measures the high-water mark.

/// The largest file read: 200 MiB, as Windows shows «200 MB». An export of Entra's «Download
/// users» is about 1 KB per user, so this is room for well over the [`MAX_ROWS`] users of most
/// exports with few columns; Excel itself stops at 1,048,576 rows.
pub const MAX_FILE_BYTES: u64 = 200 * 1024 * 1024;

/// The most users (rows after the header) read.
pub const MAX_ROWS: u64 = 1_000_000;

/// The longest field, in bytes: no Entra attribute comes near it (extension attributes hold
/// at most 1,024 characters). A field that reaches it is almost always a quote that was never
/// closed, swallowing the rest of the file; it is refused with the row where the quote opened.
pub const MAX_FIELD_BYTES: usize = 64 * 1024;

/// The longest row (all its fields), in bytes.
pub const MAX_ROW_BYTES: usize = 1024 * 1024;

/// The most columns a row may have.
pub const MAX_COLUMNS: usize = 1_000;

/// The slice the page should read and send at a time (`Blob.slice`): small enough that an
/// answer comes within a few tens of milliseconds, large enough that a 200 MiB file takes 200
/// questions.
pub const SLICE_BYTES: usize = 1024 * 1024;

/// The largest slice a question may carry; a larger one is refused like any malformed question.
pub const MAX_SLICE_BYTES: usize = 4 * SLICE_BYTES;

/// The most rows evaluated (each a new source value, not one already seen) before an answer:
/// the rest of the slice waits for the next question, so every answer comes well within the
/// page's watchdog whatever the values are (docs/helpers.md measures it).
pub const MAX_EVALUATED_ROWS_PER_ANSWER: usize = 1_000;

/// The most distinct values kept per target attribute, with their counts and sample users;
/// the users of any further value are counted together («and K more values for N users»).
pub const MAX_DISTINCT_VALUES: usize = 1_000;

/// The most bytes of one value kept for counting: values longer than this are counted by
/// their start (and marked cut). Entra's `department` takes at most 64 characters.
pub const MAX_VALUE_BYTES: usize = 256;

/// The most sample users kept per group (a value, an empty level, a depth, a problem).
pub const MAX_SAMPLE_USERS: usize = 20;

/// The most bytes of a sample user's key (`userPrincipalName`: at most 113 characters) kept.
pub const MAX_KEY_BYTES: usize = 256;

/// The most distinct source values whose levels are remembered, so a value seen again is not
/// evaluated again (directories repeat a few hundred departments over thousands of users).
pub const MAX_CACHED_VALUES: usize = 4_000;

/// The most sample values the survey gives for the mapping helper's table: its own
/// [`crate::mapping_state::MAX_SAMPLES`].
pub const MAX_SURVEY_SAMPLES: usize = crate::mapping_state::MAX_SAMPLES;

/// The most characters of a column name in the columns' answer.
pub const MAX_COLUMN_NAME_CHARS: usize = 200;

/// The longest prefix of `text` of at most `max` bytes that ends on a character boundary, and
/// whether it was cut.
pub(crate) fn cut_at(text: &str, max: usize) -> (&str, bool) {
    if text.len() <= max {
        return (text, false);
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    (&text[..end], true)
}
