//! The field checks: what is wrong with the API key and API secret fields, each on its own and
//! the two together, and the token when nothing blocks it ([`diagnose`], [`Diagnosis`]).

use crate::token;

use super::characters::{first_invisible, is_trimmed, non_ascii};
use super::finding::{Field, Finding, FindingKind, Severity};
use super::labels::{key_and_secret_together, parse_label};
use super::limits::{max_chars, trim_within_limit, MAX_VALUE_CHARS};
use super::token_in_text::as_token;

/// Everything found about the API key and API secret fields, and the token if it can be made.
///
/// ```
/// use scim_token_core::diagnose::{diagnose, Field};
///
/// let diagnosis = diagnose(" abc", "123");
/// assert_eq!(diagnosis.token(), Some("YWJjOjEyMw=="));
/// assert_eq!(diagnosis.cleaned(Field::ApiKey), Some("abc"));
/// assert_eq!(diagnosis.for_field(Field::ApiKey).count(), 1);
/// ```
#[derive(Clone, PartialEq, Eq, Debug, Default)]
pub struct Diagnosis {
    findings: Vec<Finding>,
    api_key: Option<String>,
    api_secret: Option<String>,
    token: Option<String>,
}

impl Diagnosis {
    /// Every finding: the API key's, then the API secret's, then those about both.
    ///
    /// ```
    /// use scim_token_core::diagnose::diagnose;
    /// assert!(diagnose("abc", "123").findings().is_empty());
    /// ```
    pub fn findings(&self) -> &[Finding] {
        &self.findings
    }

    /// The secret token, when both fields are filled and nothing blocks it.
    ///
    /// ```
    /// use scim_token_core::diagnose::diagnose;
    /// assert_eq!(diagnose("abc", "123").token(), Some("YWJjOjEyMw=="));
    /// assert_eq!(diagnose("abc", "").token(), None);
    /// assert_eq!(diagnose("a:bc", "123").token(), None);
    /// ```
    pub fn token(&self) -> Option<&str> {
        self.token.as_deref()
    }

    /// Whether any finding is an error (and so there is no token).
    ///
    /// ```
    /// use scim_token_core::diagnose::diagnose;
    /// assert!(diagnose("a b", "123").has_error());
    /// assert!(!diagnose("ab ", "123").has_error());
    /// ```
    pub fn has_error(&self) -> bool {
        self.findings
            .iter()
            .any(|finding| finding.severity() == Severity::Error)
    }

    /// The findings about one field, to show beside it.
    ///
    /// ```
    /// use scim_token_core::diagnose::{diagnose, Field};
    ///
    /// let diagnosis = diagnose("abc\n", "123");
    /// assert_eq!(diagnosis.for_field(Field::ApiKey).count(), 1);
    /// assert_eq!(diagnosis.for_field(Field::ApiSecret).count(), 0);
    /// ```
    pub fn for_field(&self, field: Field) -> impl Iterator<Item = &Finding> {
        self.findings
            .iter()
            .filter(move |finding| finding.field == Some(field))
    }

    /// The value the token is made from for `field`: the field's text without what the
    /// findings say was left out. `None` when the field is empty or has an error.
    ///
    /// ```
    /// use scim_token_core::diagnose::{diagnose, Field};
    ///
    /// let diagnosis = diagnose("Key: abc\u{200B}", "123");
    /// assert_eq!(diagnosis.cleaned(Field::ApiKey), Some("abc"));
    /// assert_eq!(diagnosis.cleaned(Field::ApiSecret), Some("123"));
    /// assert_eq!(diagnosis.cleaned(Field::Token), None);
    /// ```
    pub fn cleaned(&self, field: Field) -> Option<&str> {
        match field {
            Field::ApiKey => self.api_key.as_deref(),
            Field::ApiSecret => self.api_secret.as_deref(),
            Field::Token => None,
        }
    }
}

/// Looks at the API key and API secret fields as typed, and makes the token if it can.
///
/// An empty field gives no findings and no token: the caller shows its own "missing" hint.
///
/// ```
/// use scim_token_core::diagnose::{diagnose, Field, FindingKind};
///
/// let diagnosis = diagnose("abc", "123\n");
/// assert_eq!(diagnosis.token(), Some("YWJjOjEyMw=="));
/// let finding = diagnosis.for_field(Field::ApiSecret).next().unwrap();
/// assert!(matches!(finding.kind, FindingKind::Trimmed { .. }));
///
/// assert!(diagnose("", "").findings().is_empty());
/// ```
pub fn diagnose(api_key: &str, api_secret: &str) -> Diagnosis {
    // Bounded by bytes so that a huge paste costs nothing here: it gets `TooLong` below.
    let secret_is_blank =
        api_secret.len() <= 4 * MAX_VALUE_CHARS && api_secret.chars().all(is_trimmed);
    let key = examine(Field::ApiKey, api_key, secret_is_blank);
    let secret = examine(Field::ApiSecret, api_secret, false);

    let mut findings = key.findings;
    findings.extend(secret.findings);
    if let (Some(k), Some(s)) = (&key.cleaned, &secret.cleaned) {
        if k == s {
            findings.push(Finding::new(None, FindingKind::KeySameAsSecret));
        }
    }
    let mut diagnosis = Diagnosis {
        findings,
        api_key: key.cleaned,
        api_secret: secret.cleaned,
        token: None,
    };
    if !diagnosis.has_error() {
        if let (Some(k), Some(s)) = (&diagnosis.api_key, &diagnosis.api_secret) {
            diagnosis.token = Some(token::secret_token(k, s));
        }
    }
    diagnosis
}

/// What one field holds, checked on its own.
struct FieldReport {
    findings: Vec<Finding>,
    cleaned: Option<String>,
}

fn examine(field: Field, text: &str, secret_is_blank: bool) -> FieldReport {
    let mut findings = Vec::new();
    let cleaned = clean(field, text, secret_is_blank, &mut |kind| {
        findings.push(Finding::new(Some(field), kind))
    });
    FieldReport {
        findings,
        cleaned: cleaned.map(str::to_owned),
    }
}

/// Reports what is found in one field and returns the value the token is made from, or `None`
/// when the field is empty or has an error.
fn clean<'a>(
    field: Field,
    text: &'a str,
    secret_is_blank: bool,
    report: &mut impl FnMut(FindingKind),
) -> Option<&'a str> {
    let (core, core_start) = trim_within_limit(text, max_chars(field), report)?;

    if field == Field::ApiKey && secret_is_blank {
        if let Some((api_key, api_secret)) = key_and_secret_together(core) {
            report(FindingKind::KeyAndSecretTogether {
                api_key,
                api_secret,
            });
            return None;
        }
    }

    let mut value = core;
    let mut value_start = core_start;
    if let Some(label) = parse_label(value).filter(|label| !label.rest.is_empty()) {
        let label_bytes = value.len() - label.rest.len();
        value_start += value[..label_bytes].chars().count();
        report(FindingKind::Label {
            label: label.label.to_owned(),
            value: label.rest.to_owned(),
        });
        value = label.rest;
    }

    if let Some(credentials) = as_token(value) {
        report(FindingKind::TokenInField {
            api_key: credentials.api_key,
            text: value.to_owned(),
        });
        return None;
    }

    let mut blocked = false;
    if let Some((character, position, others)) = first_invisible(value, value_start) {
        report(FindingKind::InnerCharacter {
            character,
            position,
            others,
        });
        blocked = true;
    }
    if field == Field::ApiKey {
        if let Some(index) = value.chars().position(|c| c == ':') {
            report(FindingKind::ColonInKey {
                position: value_start + index + 1,
            });
            blocked = true;
        }
    }
    if let Some((characters, more)) = non_ascii(value) {
        report(FindingKind::NonAscii { characters, more });
    }
    (!blocked).then_some(value)
}
