//! The first pass: the header's column names and delimiter, and which columns to read by
//! default: the source attribute the helper is set to (`department`, `companyName` …) and a
//! key that names each user (`userPrincipalName`, else `displayName`).
//!
//! Names are matched without regard to case, spaces, `_` or `-`, so Entra's `department`, a
//! re-saved `Department` and a «User principal name» all match.

use serde::{Deserialize, Serialize};

use super::limits::{cut_at, MAX_COLUMN_NAME_CHARS};

/// The keys tried, in order, to name a user in samples and in the results file.
pub const KEY_COLUMNS: [&str; 2] = ["userPrincipalName", "displayName"];

/// What the columns pass found.
#[derive(Clone, PartialEq, Eq, Debug, Serialize, Deserialize)]
pub struct Columns {
    /// The header's names, in order, each cut to [`MAX_COLUMN_NAME_CHARS`] bytes.
    pub names: Vec<String>,
    /// The field delimiter found in the header: `,` or `;`.
    pub delimiter: char,
    /// The column named as the source attribute, if any: the default choice.
    pub source_column: Option<u32>,
    /// The column that names users ([`KEY_COLUMNS`]), if any.
    pub key_column: Option<u32>,
}

/// A column name as it is compared.
fn folded(name: &str) -> String {
    name.chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '_' | '-'))
        .flat_map(char::to_lowercase)
        .collect()
}

/// The first column named `wanted` (folded), if any.
///
/// ```
/// use scim_token_core::directory::find_column;
/// assert_eq!(find_column(&["Name", "User principal name"], "userPrincipalName"), Some(1));
/// assert_eq!(find_column(&["Name"], "department"), None);
/// ```
pub fn find_column(names: &[&str], wanted: &str) -> Option<u32> {
    let wanted = folded(wanted);
    if wanted.is_empty() {
        return None;
    }
    names
        .iter()
        .position(|name| folded(name) == wanted)
        .and_then(|at| u32::try_from(at).ok())
}

/// The columns of a header, the default source column for `source`, and the key column.
pub(crate) fn columns(header: &[&str], delimiter: u8, source: &str) -> Columns {
    Columns {
        names: header
            .iter()
            .map(|name| {
                let (kept, cut) = cut_at(name, MAX_COLUMN_NAME_CHARS);
                if cut {
                    format!("{kept}…")
                } else {
                    kept.to_owned()
                }
            })
            .collect(),
        delimiter: char::from(delimiter),
        source_column: find_column(header, source),
        key_column: KEY_COLUMNS.iter().find_map(|key| find_column(header, key)),
    }
}
