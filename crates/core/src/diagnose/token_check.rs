//! The token check: a secret token pasted into the «Check a token» box read step by step (prefix,
//! base64, padding, what it decodes to), and compared with the fields ([`check_token`],
//! [`TokenCheck`]).

use crate::token::{self, Credentials};

use super::characters::{first_invisible, CharacterKind};
use super::fields::diagnose;
use super::finding::{Field, Finding, FindingKind, Severity};
use super::limits::{max_chars, trim_within_limit};
use super::token_in_text::{as_token, split_auth_prefix};

/// Everything found about a pasted secret token.
///
/// ```
/// use scim_token_core::diagnose::check_token;
///
/// let check = check_token("Bearer YWJjOjEyMw==\n", None);
/// assert!(check.is_valid());
/// assert_eq!(check.credentials().map(|c| c.api_secret.as_str()), Some("123"));
/// ```
#[derive(Clone, PartialEq, Eq, Debug, Default)]
pub struct TokenCheck {
    findings: Vec<Finding>,
    credentials: Option<Credentials>,
}

impl TokenCheck {
    /// A check that found just this, for a box whose text could not be read faithfully.
    ///
    /// ```
    /// use scim_token_core::diagnose::{from_utf16, Field, TokenCheck};
    ///
    /// let lone = from_utf16(&[0xD800]).unwrap_err();
    /// let check = TokenCheck::from_finding(lone.finding(Field::Token));
    /// assert!(check.has_error() && !check.is_valid());
    /// ```
    pub fn from_finding(finding: Finding) -> TokenCheck {
        TokenCheck {
            findings: vec![finding],
            credentials: None,
        }
    }

    /// Every finding, in the order the token was read.
    ///
    /// ```
    /// use scim_token_core::diagnose::check_token;
    /// assert!(check_token("", None).findings().is_empty());
    /// ```
    pub fn findings(&self) -> &[Finding] {
        &self.findings
    }

    /// Whether any finding is an error.
    ///
    /// ```
    /// use scim_token_core::diagnose::check_token;
    /// assert!(check_token("YWJjOjEyMw", None).has_error());
    /// ```
    pub fn has_error(&self) -> bool {
        self.findings
            .iter()
            .any(|finding| finding.severity() == Severity::Error)
    }

    /// Whether this is a working secret token exactly as pasted, apart from surrounding
    /// whitespace and a `Bearer` or `Basic` prefix.
    ///
    /// ```
    /// use scim_token_core::diagnose::check_token;
    /// assert!(check_token(" YWJjOjEyMw== ", None).is_valid());
    /// assert!(!check_token("YWJjOjEyMwo=", None).is_valid());
    /// ```
    pub fn is_valid(&self) -> bool {
        self.credentials.is_some() && !self.has_error()
    }

    /// The key and secret read from the token, when it could be split at a colon (even if it
    /// has other errors). The UI masks the secret until the admin asks to see it.
    ///
    /// ```
    /// use scim_token_core::diagnose::check_token;
    ///
    /// let check = check_token("YWJjOjEyMw==", None);
    /// let credentials = check.credentials().unwrap();
    /// assert_eq!((credentials.api_key.as_str(), credentials.api_secret.as_str()), ("abc", "123"));
    /// ```
    pub fn credentials(&self) -> Option<&Credentials> {
        self.credentials.as_ref()
    }
}

/// Checks a secret token pasted into the «Check a token» box.
///
/// Surrounding whitespace and an `Authorization:`, `Bearer` or `Basic` prefix are left out with
/// a notice. When `fields` holds the API key and API secret fields as typed, the check also says
/// whether the token was made from them. An empty box gives no findings.
///
/// ```
/// use scim_token_core::diagnose::{check_token, FindingKind};
///
/// let check = check_token("YWJjOjEyMw==", Some(("abc", "123")));
/// let kinds: Vec<_> = check.findings().iter().map(|f| &f.kind).collect();
/// assert_eq!(
///     kinds,
///     [
///         &FindingKind::Valid { api_key: "abc".into(), secret_length: 3 },
///         &FindingKind::MatchesFields,
///     ]
/// );
/// ```
pub fn check_token(pasted: &str, fields: Option<(&str, &str)>) -> TokenCheck {
    let mut findings = Vec::new();
    let mut report = |kind| findings.push(Finding::new(Some(Field::Token), kind));
    let Some(credentials) = read_token(pasted, &mut report) else {
        return TokenCheck {
            findings,
            credentials: None,
        };
    };
    if !findings.iter().any(|f| f.severity() == Severity::Error) {
        findings.push(Finding::new(
            Some(Field::Token),
            FindingKind::Valid {
                api_key: credentials.api_key.clone(),
                secret_length: credentials.api_secret.chars().count(),
            },
        ));
    }
    let typed = fields.map(|(api_key, api_secret)| diagnose(api_key, api_secret));
    let cleaned = typed.as_ref().and_then(|typed| {
        Some((
            typed.cleaned(Field::ApiKey)?,
            typed.cleaned(Field::ApiSecret)?,
        ))
    });
    if let Some((key, secret)) = cleaned {
        let key_differs = key != credentials.api_key;
        let secret_differs = secret != credentials.api_secret;
        let comparison = if key_differs || secret_differs {
            FindingKind::DiffersFromFields {
                key_differs,
                secret_differs,
            }
        } else {
            FindingKind::MatchesFields
        };
        findings.push(Finding::new(Some(Field::Token), comparison));
    }
    TokenCheck {
        findings,
        credentials: Some(credentials),
    }
}

/// Reads a pasted token step by step, reporting what it finds, and returns the key and secret
/// when the decoded text can be split at a colon.
fn read_token(pasted: &str, report: &mut impl FnMut(FindingKind)) -> Option<Credentials> {
    let (core, core_start) = trim_within_limit(pasted, max_chars(Field::Token), report)?;
    let (prefix, data) = split_auth_prefix(core);
    if !prefix.is_empty() {
        report(FindingKind::PrefixRemoved {
            prefix: prefix.to_owned(),
        });
    }
    // The prefix is ASCII, so its bytes are its characters.
    let data_start = core_start + (core.len() - data.len());
    let symbols = read_base64(data, data_start, report)?;
    decode_checked(&symbols, report)
}

/// Reads the base64 characters of a token, reporting line breaks, other alphabets and padding
/// problems. Returns the token in the standard alphabet with correct padding, or `None` when it
/// cannot be base64 at all. `start` is how many characters of the box come before `data`.
fn read_base64(data: &str, start: usize, report: &mut impl FnMut(FindingKind)) -> Option<String> {
    if let Some((character, position, others)) = first_invisible(data, start) {
        let line_breaks_only = data
            .chars()
            .all(|c| matches!(CharacterKind::of(c), None | Some(CharacterKind::LineBreak)));
        if line_breaks_only {
            report(FindingKind::TokenWrapped {
                position,
                line_breaks: others + 1,
                unwrapped: data
                    .chars()
                    .filter(|c| CharacterKind::of(*c).is_none())
                    .collect(),
            });
        } else {
            report(FindingKind::InnerCharacter {
                character,
                position,
                others,
            });
        }
    }

    let mut symbols = String::with_capacity(data.len());
    let mut url_safe = false;
    let mut padding = 0;
    let mut first_padding = None;
    for (index, character) in data.chars().enumerate() {
        let position = start + index + 1;
        if CharacterKind::of(character).is_some() {
            continue;
        }
        match character {
            '=' => {
                padding += 1;
                first_padding.get_or_insert(position);
            }
            'A'..='Z' | 'a'..='z' | '0'..='9' | '+' | '/' | '-' | '_' if padding > 0 => {
                report(FindingKind::NotBase64 {
                    character: '=',
                    position: first_padding.unwrap_or(position),
                });
                return None;
            }
            'A'..='Z' | 'a'..='z' | '0'..='9' | '+' | '/' => symbols.push(character),
            '-' => {
                url_safe = true;
                symbols.push('+');
            }
            '_' => {
                url_safe = true;
                symbols.push('/');
            }
            other => {
                report(FindingKind::NotBase64 {
                    character: other,
                    position,
                });
                return None;
            }
        }
    }
    if symbols.is_empty() || symbols.len() % 4 == 1 {
        report(FindingKind::BadLength {
            symbols: symbols.len(),
        });
        return None;
    }
    let expected = (4 - symbols.len() % 4) % 4;
    symbols.extend(std::iter::repeat_n('=', expected));
    if url_safe {
        report(FindingKind::UrlSafeAlphabet {
            corrected: symbols.clone(),
        });
    }
    if padding != expected {
        report(FindingKind::Padding {
            found: padding,
            expected,
            corrected: symbols.clone(),
        });
    }
    Some(symbols)
}

/// Decodes a token already in the standard alphabet with correct padding, and reports what is
/// wrong with what is inside it. Returns the key and secret when there is a colon.
fn decode_checked(symbols: &str, report: &mut impl FnMut(FindingKind)) -> Option<Credentials> {
    let Ok(bytes) = token::decode_bytes(symbols) else {
        report(FindingKind::BrokenEnd);
        return None;
    };
    let Ok(text) = String::from_utf8(bytes) else {
        report(FindingKind::NotUtf8);
        return None;
    };
    let possibly_inner_token = text.trim_end_matches(['\r', '\n']);
    if as_token(possibly_inner_token).is_some() {
        report(FindingKind::EncodedTwice {
            inner: possibly_inner_token.to_owned(),
        });
        return None;
    }
    let Some(credentials) = token::split_credentials(&text) else {
        report(FindingKind::NoColon);
        return None;
    };
    if credentials.api_key.is_empty() {
        report(FindingKind::EmptyKey);
    }
    if credentials.api_secret.is_empty() {
        report(FindingKind::EmptySecret);
    }

    let secret_without_newline = credentials.api_secret.trim_end_matches(['\r', '\n']);
    let ends_with_newline = secret_without_newline.len() < credentials.api_secret.len();
    if ends_with_newline && !secret_without_newline.is_empty() && !credentials.api_key.is_empty() {
        report(FindingKind::TrailingLineBreak {
            corrected: token::secret_token(&credentials.api_key, secret_without_newline),
        });
    }
    let secret_to_scan = if ends_with_newline {
        secret_without_newline
    } else {
        credentials.api_secret.as_str()
    };
    for (part, value) in [
        (Field::ApiKey, credentials.api_key.as_str()),
        (Field::ApiSecret, secret_to_scan),
    ] {
        if let Some((character, position, _)) = first_invisible(value, 0) {
            report(FindingKind::DecodedCharacter {
                part,
                character,
                position,
            });
        }
    }
    Some(credentials)
}
