//! How much each box may hold, and the first steps every box goes through: nothing to say about
//! an empty box, only [`FindingKind::TooLong`] about a huge one, [`FindingKind::Blank`] about one
//! of only whitespace, then what was trimmed off its ends.

use super::characters::trim_edges;
use super::finding::{Edge, Field, Finding, FindingKind};

/// The longest API key or API secret, in characters, that is checked at all.
///
/// Anything longer was not meant to be pasted there (a 1 MB paste must not freeze the page), so it
/// gets one [`FindingKind::TooLong`] and no other checks.
///
/// ```
/// use scim_token_core::diagnose::{diagnose, FindingKind, MAX_VALUE_CHARS};
///
/// let pasted = "a".repeat(MAX_VALUE_CHARS + 1);
/// let diagnosis = diagnose(&pasted, "secret");
/// assert!(matches!(diagnosis.findings()[0].kind, FindingKind::TooLong { .. }));
/// ```
pub const MAX_VALUE_CHARS: usize = 4096;

/// The longest secret token, in characters: the token for the longest key and secret, both
/// made of four-byte characters.
///
/// ```
/// use scim_token_core::diagnose::MAX_TOKEN_CHARS;
/// assert_eq!(MAX_TOKEN_CHARS, 43_692);
/// ```
pub const MAX_TOKEN_CHARS: usize = 4 * (2 * 4 * MAX_VALUE_CHARS + 1).div_ceil(3);

/// The most characters `field` may hold: [`MAX_TOKEN_CHARS`] for the token box,
/// [`MAX_VALUE_CHARS`] for the API key and the API secret.
///
/// ```
/// use scim_token_core::diagnose::{max_chars, Field, MAX_VALUE_CHARS};
///
/// assert_eq!(max_chars(Field::ApiSecret), MAX_VALUE_CHARS);
/// ```
pub fn max_chars(field: Field) -> usize {
    match field {
        Field::Token => MAX_TOKEN_CHARS,
        Field::ApiKey | Field::ApiSecret => MAX_VALUE_CHARS,
    }
}

/// The finding about a value of `length` characters in `field` that was refused for its
/// length alone, without its text ever being read: the web layer counts a huge paste where
/// the browser holds it, so that it never reaches the widget's memory. The same finding as
/// [`diagnose`] and [`check_token`] give for that text; `None` when `length` is allowed.
///
/// Give [`diagnose`] or [`check_token`] an empty string for that field, as for a
/// [`LoneSurrogate`], and show this finding instead.
///
/// [`diagnose`]: super::diagnose
/// [`check_token`]: super::check_token
/// [`LoneSurrogate`]: super::LoneSurrogate
///
/// ```
/// use scim_token_core::diagnose::{diagnose, too_long_finding, Field, MAX_VALUE_CHARS};
///
/// let huge = "a".repeat(1 << 20);
/// assert_eq!(
///     too_long_finding(Field::ApiSecret, 1 << 20).as_ref(),
///     diagnose("abc", &huge).findings().first(),
/// );
/// assert_eq!(too_long_finding(Field::ApiSecret, MAX_VALUE_CHARS), None);
/// ```
pub fn too_long_finding(field: Field, length: usize) -> Option<Finding> {
    let limit = max_chars(field);
    (length > limit).then(|| Finding::new(Some(field), FindingKind::TooLong { length, limit }))
}

/// The first steps for every box: nothing to say about an empty one, only `TooLong` about a huge
/// one, `Blank` about one of only whitespace; otherwise what was trimmed off its ends. Returns
/// the text between the trimmed ends and how many characters come before it.
pub(super) fn trim_within_limit<'a>(
    text: &'a str,
    limit: usize,
    report: &mut impl FnMut(FindingKind),
) -> Option<(&'a str, usize)> {
    if text.is_empty() {
        return None;
    }
    if let Some(length) = too_long(text, limit) {
        report(FindingKind::TooLong { length, limit });
        return None;
    }
    let trimmed = trim_edges(text);
    if trimmed.core.is_empty() {
        report(FindingKind::Blank);
        return None;
    }
    for (edge, removed) in [(Edge::Start, trimmed.start), (Edge::End, trimmed.end)] {
        if !removed.is_empty() {
            report(FindingKind::Trimmed { edge, removed });
        }
    }
    Some((trimmed.core, trimmed.start_chars))
}

/// The length in characters when `text` is longer than `limit` characters. One pass at most,
/// and none at all for text whose bytes already fit.
fn too_long(text: &str, limit: usize) -> Option<usize> {
    if text.len() <= limit {
        return None;
    }
    let length = text.chars().count();
    (length > limit).then_some(length)
}
