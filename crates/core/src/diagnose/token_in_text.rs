//! A finished secret token in pasted text: an `Authorization:`, `Bearer` or `Basic` prefix split
//! off, and whether what is left decodes to a key and a secret.

use crate::token::{self, Credentials};

/// Splits an `Authorization:`, `Bearer` or `Basic` prefix (any case) off a pasted token.
/// Returns the prefix as pasted (empty when there is none) and the rest.
pub(super) fn split_auth_prefix(text: &str) -> (&str, &str) {
    let blank = [' ', '\t'];
    let mut rest = text;
    if let Some(after) = strip_prefix_ignoring_case(rest, "authorization") {
        if let Some(after_colon) = after.trim_start_matches(blank).strip_prefix(':') {
            rest = after_colon.trim_start_matches(blank);
        }
    }
    for scheme in ["bearer", "basic"] {
        if let Some(after) = strip_prefix_ignoring_case(rest, scheme) {
            if after.starts_with(blank) {
                rest = after.trim_start_matches(blank);
                break;
            }
        }
    }
    let prefix = &text[..text.len() - rest.len()];
    (prefix.trim_end_matches(blank), rest)
}

fn strip_prefix_ignoring_case<'a>(text: &'a str, word: &str) -> Option<&'a str> {
    let head = text.get(..word.len())?;
    let rest = text.get(word.len()..)?;
    head.eq_ignore_ascii_case(word).then_some(rest)
}

/// The key and secret when `value` is a finished secret token (maybe with a `Bearer` or
/// `Basic` prefix) for a non-empty key and secret of printable text.
pub(super) fn as_token(value: &str) -> Option<Credentials> {
    let (_, data) = split_auth_prefix(value);
    if data.len() < 4 {
        return None;
    }
    let credentials = token::decode(data).ok()?;
    let printable = |s: &str| !s.is_empty() && !s.chars().any(char::is_control);
    (printable(&credentials.api_key) && printable(&credentials.api_secret)).then_some(credentials)
}
