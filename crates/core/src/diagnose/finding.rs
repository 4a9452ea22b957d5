//! The finding model: what was found ([`FindingKind`]), where ([`Field`]), how much it matters
//! ([`Severity`]), and the one-click [`Fix`] it offers. Plain data: the words for it are in
//! [`crate::i18n::findings`].

use super::characters::Removed;

/// Where the admin typed or pasted something.
///
/// ```
/// use scim_token_core::diagnose::{diagnose, Field};
///
/// let diagnosis = diagnose("abc ", "123");
/// assert_eq!(diagnosis.findings()[0].field, Some(Field::ApiKey));
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Debug, Hash)]
pub enum Field {
    /// The API key field.
    ApiKey,
    /// The API secret field.
    ApiSecret,
    /// The «Check a token» box.
    Token,
}

/// How much a finding matters. Sorted from most to least serious.
///
/// ```
/// use scim_token_core::diagnose::Severity;
/// assert!(Severity::Error < Severity::Warning && Severity::Warning < Severity::Notice);
/// ```
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug, Hash)]
pub enum Severity {
    /// No token is made until this is put right.
    Error,
    /// The token is made, but the admin should look at this.
    Warning,
    /// The token is made; this says what was done or what was found.
    Notice,
}

/// The start or the end of a value.
///
/// ```
/// use scim_token_core::diagnose::{diagnose, Edge, FindingKind};
///
/// let diagnosis = diagnose("abc", "123\n");
/// assert!(matches!(diagnosis.findings()[0].kind, FindingKind::Trimmed { edge: Edge::End, .. }));
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Debug, Hash)]
pub enum Edge {
    /// Before the first visible character.
    Start,
    /// After the last visible character.
    End,
}

/// What was found. Positions count characters from 1, as the admin would count them in the
/// field they typed into.
///
/// ```
/// use scim_token_core::diagnose::{diagnose, FindingKind, Severity};
///
/// let diagnosis = diagnose("abc", "abc");
/// assert_eq!(diagnosis.findings()[0].kind, FindingKind::KeySameAsSecret);
/// assert_eq!(diagnosis.findings()[0].severity(), Severity::Warning);
/// ```
#[derive(Clone, PartialEq, Eq, Debug, Hash)]
pub enum FindingKind {
    /// Error: longer than `limit` characters; nothing else is checked.
    TooLong {
        /// The length in characters.
        length: usize,
        /// [`MAX_VALUE_CHARS`](super::MAX_VALUE_CHARS) for the fields,
        /// [`MAX_TOKEN_CHARS`](super::MAX_TOKEN_CHARS) for the token box.
        limit: usize,
    },
    /// Error: the browser gave half of a UTF-16 surrogate pair, which is no character at all.
    /// Made by [`LoneSurrogate::finding`](super::LoneSurrogate::finding).
    LoneSurrogate {
        /// Where it is.
        position: usize,
        /// The code unit, e.g. 0xD83D.
        unit: u16,
    },
    /// Error: nothing but whitespace and invisible characters.
    Blank,
    /// Notice: whitespace or invisible characters at the start or end were left out.
    Trimmed {
        /// Which end.
        edge: Edge,
        /// What was left out, by kind, in the order they appear.
        removed: Vec<Removed>,
    },
    /// Error: whitespace, a line break, or an invisible or control character inside the value.
    InnerCharacter {
        /// The first such character.
        character: char,
        /// Where it is.
        position: usize,
        /// How many more such characters come after it.
        others: usize,
    },
    /// Warning: the value starts with a label such as `API key:`; the token is made from what
    /// follows it.
    Label {
        /// The label as typed, with its `:`, `=` or spaced dash.
        label: String,
        /// The value after the label.
        value: String,
    },
    /// Error: the API key field holds both the key and the secret (as `key:secret`, or on two
    /// lines with labels) while the API secret field is empty.
    KeyAndSecretTogether {
        /// The key part.
        api_key: String,
        /// The secret part.
        api_secret: String,
    },
    /// Error: a finished secret token was pasted into a field; used there it would be encoded
    /// twice.
    TokenInField {
        /// The API key inside that token (not secret, so it may be shown).
        api_key: String,
        /// The token as it stands in the field, for the «Check a token» box.
        text: String,
    },
    /// Error: a colon in the API key. The server splits the token at the first colon.
    ColonInKey {
        /// Where the first colon is.
        position: usize,
    },
    /// Notice: characters outside ASCII. They are allowed and encoded as UTF-8.
    NonAscii {
        /// The first distinct ones, in order of appearance (at most eight).
        characters: Vec<char>,
        /// How many more distinct ones there are.
        more: usize,
    },
    /// Warning: the API key and the API secret are the same.
    KeySameAsSecret,
    /// Notice: an `Authorization:`, `Bearer` or `Basic` prefix was left out of the token.
    PrefixRemoved {
        /// The prefix as pasted.
        prefix: String,
    },
    /// Error: the token is broken over several lines (as `base64` without `-w0` does).
    TokenWrapped {
        /// Where the first line break is.
        position: usize,
        /// How many line breaks there are.
        line_breaks: usize,
        /// The token without them.
        unwrapped: String,
    },
    /// Error: a character that is not base64 at all.
    NotBase64 {
        /// The character (`=` when padding stands before the end).
        character: char,
        /// Where it is.
        position: usize,
    },
    /// Error: a number of base64 characters that no encoding produces (one too many or too
    /// few).
    BadLength {
        /// How many base64 characters there are, padding not counted.
        symbols: usize,
    },
    /// Error: the URL-safe base64 alphabet (`-` and `_`) instead of the standard one.
    UrlSafeAlphabet {
        /// The token in the standard alphabet with correct padding.
        corrected: String,
    },
    /// Error: missing or wrong `=` padding at the end.
    Padding {
        /// How many `=` there are.
        found: usize,
        /// How many there should be.
        expected: usize,
        /// The token with the right padding.
        corrected: String,
    },
    /// Error: the last characters cannot come out of a base64 encoder, so the end was cut off or
    /// changed.
    BrokenEnd,
    /// Error: the token decodes to bytes that are not UTF-8 text.
    NotUtf8,
    /// Error: the token is a token encoded once more.
    EncodedTwice {
        /// The token inside it.
        inner: String,
    },
    /// Error: the decoded text has no colon, so no key and secret.
    NoColon,
    /// Error: nothing before the colon.
    EmptyKey,
    /// Error: nothing after the colon.
    EmptySecret,
    /// Error: the decoded secret ends with a line break (`echo` without `-n`).
    TrailingLineBreak {
        /// The token without the line break.
        corrected: String,
    },
    /// Error: whitespace, an invisible or a control character in the key or secret inside the
    /// token.
    DecodedCharacter {
        /// [`Field::ApiKey`] or [`Field::ApiSecret`]: which part of the decoded token.
        part: Field,
        /// The character.
        character: char,
        /// Where it is in that part.
        position: usize,
    },
    /// Notice: the token is valid.
    Valid {
        /// The API key inside it.
        api_key: String,
        /// The length of the API secret inside it, in characters.
        secret_length: usize,
    },
    /// Notice: the token was made from the key and secret in the fields.
    MatchesFields,
    /// Warning: the token was not made from the key and secret in the fields.
    DiffersFromFields {
        /// The API key differs.
        key_differs: bool,
        /// The API secret differs.
        secret_differs: bool,
    },
}

/// One thing found about what was pasted.
///
/// ```
/// use scim_token_core::diagnose::{diagnose, Field, Finding, FindingKind};
///
/// let diagnosis = diagnose("ab:c", "123");
/// assert_eq!(
///     diagnosis.findings(),
///     &[Finding { field: Some(Field::ApiKey), kind: FindingKind::ColonInKey { position: 3 } }]
/// );
/// ```
#[derive(Clone, PartialEq, Eq, Debug, Hash)]
pub struct Finding {
    /// The field it is about, or `None` when it is about both fields together.
    pub field: Option<Field>,
    /// What was found.
    pub kind: FindingKind,
}

/// A change the admin can make with one click.
///
/// ```
/// use scim_token_core::diagnose::{diagnose, Fix};
///
/// let diagnosis = diagnose("abc:123", "");
/// assert_eq!(
///     diagnosis.findings()[0].fix(),
///     Some(Fix::SplitKeyAndSecret { api_key: "abc".into(), api_secret: "123".into() })
/// );
/// ```
#[derive(Clone, PartialEq, Eq, Debug, Hash)]
pub enum Fix {
    /// Put these in the API key and API secret fields.
    SplitKeyAndSecret {
        /// The new API key field.
        api_key: String,
        /// The new API secret field.
        api_secret: String,
    },
    /// Put `value` in `field`, without the label.
    RemoveLabel {
        /// The field to change.
        field: Field,
        /// Its new text.
        value: String,
    },
    /// Move `text` from the field into the «Check a token» box.
    CheckAsToken {
        /// The text to check.
        text: String,
    },
    /// Put this corrected token in the «Check a token» box.
    ReplaceToken {
        /// The corrected token.
        token: String,
    },
}

impl Finding {
    pub(super) fn new(field: Option<Field>, kind: FindingKind) -> Finding {
        Finding { field, kind }
    }

    /// How much this finding matters.
    ///
    /// ```
    /// use scim_token_core::diagnose::{diagnose, Severity};
    ///
    /// let diagnosis = diagnose("abc", "123\n");
    /// assert_eq!(diagnosis.findings()[0].severity(), Severity::Notice);
    /// assert!(diagnosis.token().is_some());
    /// ```
    pub fn severity(&self) -> Severity {
        use FindingKind::*;
        match self.kind {
            Trimmed { .. }
            | NonAscii { .. }
            | PrefixRemoved { .. }
            | Valid { .. }
            | MatchesFields => Severity::Notice,
            Label { .. } | KeySameAsSecret | DiffersFromFields { .. } => Severity::Warning,
            TooLong { .. }
            | LoneSurrogate { .. }
            | Blank
            | InnerCharacter { .. }
            | KeyAndSecretTogether { .. }
            | TokenInField { .. }
            | ColonInKey { .. }
            | TokenWrapped { .. }
            | NotBase64 { .. }
            | BadLength { .. }
            | UrlSafeAlphabet { .. }
            | Padding { .. }
            | BrokenEnd
            | NotUtf8
            | EncodedTwice { .. }
            | NoColon
            | EmptyKey
            | EmptySecret
            | TrailingLineBreak { .. }
            | DecodedCharacter { .. } => Severity::Error,
        }
    }

    /// The one-click fix, when there is one.
    ///
    /// ```
    /// use scim_token_core::diagnose::{diagnose, Field, Fix};
    ///
    /// let diagnosis = diagnose("API key: abc", "123");
    /// assert_eq!(
    ///     diagnosis.findings()[0].fix(),
    ///     Some(Fix::RemoveLabel { field: Field::ApiKey, value: "abc".into() })
    /// );
    /// ```
    pub fn fix(&self) -> Option<Fix> {
        use FindingKind::*;
        match &self.kind {
            KeyAndSecretTogether {
                api_key,
                api_secret,
            } => Some(Fix::SplitKeyAndSecret {
                api_key: api_key.clone(),
                api_secret: api_secret.clone(),
            }),
            Label { value, .. } => self.field.map(|field| Fix::RemoveLabel {
                field,
                value: value.clone(),
            }),
            TokenInField { text, .. } => Some(Fix::CheckAsToken { text: text.clone() }),
            TokenWrapped {
                unwrapped: token, ..
            }
            | UrlSafeAlphabet { corrected: token }
            | Padding {
                corrected: token, ..
            }
            | EncodedTwice { inner: token }
            | TrailingLineBreak { corrected: token } => Some(Fix::ReplaceToken {
                token: token.clone(),
            }),
            _ => None,
        }
    }
}
