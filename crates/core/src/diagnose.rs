//! What is wrong with what the admin pasted, and the one-click fix for it.
//!
//! [`diagnose`] looks at the API key and API secret fields and says, as a list of [`Finding`]s,
//! what it found and what the token is made from. [`check_token`] does the same for a secret
//! token pasted into the «Check a token» box.
//!
//! The rule: a [`Severity::Error`] blocks the token; a [`Severity::Warning`] or
//! [`Severity::Notice`] lets it through and says what was done. Nothing the admin typed is
//! changed behind their back: the fields keep their text, [`Diagnosis::cleaned`] says which
//! values the token is made from, and a [`Fix`] changes a field only when the admin asks for it.
//!
//! Everything here is plain data; the words for it, in every language, are in
//! [`crate::i18n::findings`].

use std::collections::BTreeSet;

use crate::token::{self, Credentials};

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

/// A kind of whitespace, invisible or control character, as the admin would name it.
///
/// ```
/// use scim_token_core::diagnose::CharacterKind;
///
/// assert_eq!(CharacterKind::of('\r'), Some(CharacterKind::LineBreak));
/// assert_eq!(CharacterKind::of('\u{200B}'), Some(CharacterKind::ZeroWidthSpace));
/// assert_eq!(CharacterKind::of('\0'), Some(CharacterKind::Control));
/// assert_eq!(CharacterKind::of('ø'), None);
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Debug, Hash)]
pub enum CharacterKind {
    /// U+0020.
    Space,
    /// U+0009.
    Tab,
    /// U+000A, U+000D (a CR LF pair counts once), U+0085, U+2028 and U+2029.
    LineBreak,
    /// U+00A0, and the figure and narrow no-break spaces U+2007 and U+202F.
    NoBreakSpace,
    /// U+200B.
    ZeroWidthSpace,
    /// U+200C.
    ZeroWidthNonJoiner,
    /// U+200D.
    ZeroWidthJoiner,
    /// U+2060.
    WordJoiner,
    /// U+FEFF, also called the zero-width no-break space.
    ByteOrderMark,
    /// Any other Unicode space (en space, ideographic space, …).
    OtherSpace,
    /// An invisible mark that sets the text direction (U+200E, U+200F, U+061C, U+202A–U+202E,
    /// U+2066–U+2069).
    DirectionMark,
    /// Another character that takes no room on screen (soft hyphen, invisible operators, tag
    /// characters, Hangul fillers, …).
    OtherInvisible,
    /// A control character that is not a tab or a line break (NUL, DEL, …).
    Control,
}

impl CharacterKind {
    /// The kind of `character`, or `None` for a character that shows on screen.
    ///
    /// ```
    /// use scim_token_core::diagnose::CharacterKind;
    /// assert_eq!(CharacterKind::of('\u{A0}'), Some(CharacterKind::NoBreakSpace));
    /// assert_eq!(CharacterKind::of('a'), None);
    /// ```
    pub fn of(character: char) -> Option<CharacterKind> {
        use CharacterKind::*;
        let kind = match character {
            ' ' => Space,
            '\t' => Tab,
            '\n' | '\r' | '\u{85}' | '\u{2028}' | '\u{2029}' => LineBreak,
            '\u{A0}' | '\u{2007}' | '\u{202F}' => NoBreakSpace,
            '\u{200B}' => ZeroWidthSpace,
            '\u{200C}' => ZeroWidthNonJoiner,
            '\u{200D}' => ZeroWidthJoiner,
            '\u{2060}' => WordJoiner,
            '\u{FEFF}' => ByteOrderMark,
            '\u{200E}'
            | '\u{200F}'
            | '\u{061C}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2066}'..='\u{2069}' => DirectionMark,
            '\u{AD}'
            | '\u{34F}'
            | '\u{115F}'
            | '\u{1160}'
            | '\u{17B4}'
            | '\u{17B5}'
            | '\u{180E}'
            | '\u{2061}'..='\u{2064}'
            | '\u{206A}'..='\u{206F}'
            | '\u{3164}'
            | '\u{FFA0}'
            | '\u{FFF9}'..='\u{FFFB}'
            | '\u{E0001}'
            | '\u{E0020}'..='\u{E007F}' => OtherInvisible,
            c if c.is_whitespace() && !c.is_control() => OtherSpace,
            c if c.is_control() => Control,
            _ => return None,
        };
        Some(kind)
    }

    /// Whether this kind is left out of a value when it stands at the start or the end.
    fn is_trimmed(self) -> bool {
        self != CharacterKind::Control
    }
}

/// How many characters of one kind were left out.
///
/// ```
/// use scim_token_core::diagnose::{diagnose, CharacterKind, FindingKind, Removed};
///
/// let diagnosis = diagnose("  abc", "123");
/// let FindingKind::Trimmed { removed, .. } = &diagnosis.findings()[0].kind else { panic!() };
/// assert_eq!(removed, &[Removed { kind: CharacterKind::Space, count: 2 }]);
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Debug, Hash)]
pub struct Removed {
    /// What was left out.
    pub kind: CharacterKind,
    /// How many (a CR LF pair is one line break).
    pub count: usize,
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
        /// [`MAX_VALUE_CHARS`] for the fields, [`MAX_TOKEN_CHARS`] for the token box.
        limit: usize,
    },
    /// Error: the browser gave half of a UTF-16 surrogate pair, which is no character at all.
    /// Made by [`LoneSurrogate::finding`].
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
    fn new(field: Option<Field>, kind: FindingKind) -> Finding {
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

/// The first steps for every box: nothing to say about an empty one, only `TooLong` about a huge
/// one, `Blank` about one of only whitespace; otherwise what was trimmed off its ends. Returns
/// the text between the trimmed ends and how many characters come before it.
fn trim_within_limit<'a>(
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

/// A value without the whitespace and invisible characters at its ends.
struct Trimmed<'a> {
    core: &'a str,
    /// How many characters were left out at the start.
    start_chars: usize,
    start: Vec<Removed>,
    end: Vec<Removed>,
}

fn is_trimmed(character: char) -> bool {
    CharacterKind::of(character).is_some_and(CharacterKind::is_trimmed)
}

fn trim_edges(text: &str) -> Trimmed<'_> {
    let core_start = text
        .char_indices()
        .find(|&(_, c)| !is_trimmed(c))
        .map_or(text.len(), |(index, _)| index);
    let (leading, rest) = text.split_at(core_start);
    let core_end = rest
        .char_indices()
        .rev()
        .find(|&(_, c)| !is_trimmed(c))
        .map_or(0, |(index, c)| index + c.len_utf8());
    let (core, trailing) = rest.split_at(core_end);
    Trimmed {
        core,
        start_chars: leading.chars().count(),
        start: tally(leading),
        end: tally(trailing),
    }
}

/// Counts the characters of a run by kind, in order of first appearance.
fn tally(run: &str) -> Vec<Removed> {
    let mut removed: Vec<Removed> = Vec::new();
    let mut previous = None;
    for character in run.chars() {
        let second_half_of_crlf = previous == Some('\r') && character == '\n';
        previous = Some(character);
        let Some(kind) = CharacterKind::of(character) else {
            continue;
        };
        if second_half_of_crlf {
            continue;
        }
        match removed.iter_mut().find(|r| r.kind == kind) {
            Some(entry) => entry.count += 1,
            None => removed.push(Removed { kind, count: 1 }),
        }
    }
    removed
}

/// The first whitespace, invisible or control character in `value`, its position (counting
/// from `offset` characters before the value) and how many more follow.
fn first_invisible(value: &str, offset: usize) -> Option<(char, usize, usize)> {
    let mut first = None;
    let mut others = 0;
    let mut previous = None;
    for (index, character) in value.chars().enumerate() {
        let second_half_of_crlf = previous == Some('\r') && character == '\n';
        previous = Some(character);
        if CharacterKind::of(character).is_none() || second_half_of_crlf {
            continue;
        }
        match first {
            None => first = Some((character, offset + index + 1)),
            Some(_) => others += 1,
        }
    }
    first.map(|(character, position)| (character, position, others))
}

fn has_invisible(value: &str) -> bool {
    value.chars().any(|c| CharacterKind::of(c).is_some())
}

const SHOWN_NON_ASCII: usize = 8;

/// The distinct visible characters outside ASCII, the first few and how many more.
fn non_ascii(value: &str) -> Option<(Vec<char>, usize)> {
    let mut shown = Vec::new();
    let mut rest = BTreeSet::new();
    for character in value.chars() {
        if character.is_ascii() || CharacterKind::of(character).is_some() {
            continue;
        }
        if shown.contains(&character) {
            continue;
        }
        if shown.len() < SHOWN_NON_ASCII {
            shown.push(character);
        } else {
            rest.insert(character);
        }
    }
    (!shown.is_empty()).then_some((shown, rest.len()))
}

/// A label such as `API key:` at the start of a value.
struct LabelMatch<'a> {
    /// The label as typed, through its separator.
    label: &'a str,
    /// What follows the separator and any whitespace after it; may be empty.
    rest: &'a str,
}

/// Label words, lowercased and without spaces, hyphens, underscores or dots.
const LABEL_WORDS: [&str; 24] = [
    "key",
    "apikey",
    "keyid",
    "apikeyid",
    "accesskey",
    "accesskeyid",
    "clientid",
    "secret",
    "apisecret",
    "secretkey",
    "apisecretkey",
    "clientsecret",
    "accesssecret",
    "nøkkel",
    "nokkel",
    "apinøkkel",
    "apinokkel",
    "nøkkelid",
    "apinøkkelid",
    "hemmelighet",
    "apihemmelighet",
    "hemmelig",
    "klientid",
    "klienthemmelighet",
];

/// The letters of the label words (ASCII and Norwegian's æ, ø, å) in either case. Unicode's
/// letter and lowercase tables would cost the widget's wasm several kilobytes for nothing: no
/// other letter can be part of a label word.
fn is_label_letter(c: char) -> bool {
    c.is_ascii_alphabetic() || matches!(c, 'æ' | 'ø' | 'å' | 'Æ' | 'Ø' | 'Å')
}

/// [`is_label_letter`]s in lowercase.
fn label_lowercase(c: char) -> char {
    match c {
        'Æ' => 'æ',
        'Ø' => 'ø',
        'Å' => 'å',
        c => c.to_ascii_lowercase(),
    }
}

/// The longest label, in bytes, that is looked for.
const MAX_LABEL_BYTES: usize = 40;

/// Finds a recognised label word followed by `:`, `=` or a dash with spaces around it.
///
/// Real keys and secrets have no spaces, so the spaced dash cannot cut one; and `:` or `=` must
/// follow a whole label word, so `Key==` (base64 ending in padding) is no label.
fn parse_label(text: &str) -> Option<LabelMatch<'_>> {
    let mut separator_end = None;
    let mut head_end = 0;
    for (index, character) in text.char_indices() {
        if index > MAX_LABEL_BYTES {
            return None;
        }
        match character {
            ':' | '=' => {
                head_end = index;
                separator_end = Some(index + 1);
                break;
            }
            ' ' | '\t' => {
                let after_spaces = text[index..].trim_start_matches([' ', '\t']);
                if let Some(after_dash) = after_spaces.strip_prefix(['-', '–', '—']) {
                    if after_dash.starts_with([' ', '\t']) {
                        head_end = index;
                        separator_end = Some(text.len() - after_dash.len());
                        break;
                    }
                }
            }
            c if is_label_letter(c) || matches!(c, '-' | '_' | '.') => {}
            _ => return None,
        }
    }
    let separator_end = separator_end?;
    let word: String = text[..head_end]
        .chars()
        .filter(|c| !matches!(c, ' ' | '\t' | '-' | '_' | '.'))
        .map(label_lowercase)
        .collect();
    if !LABEL_WORDS.contains(&word.as_str()) {
        return None;
    }
    let rest = text[separator_end..].trim_start_matches(is_trimmed);
    if rest.starts_with(['=', ':']) {
        return None;
    }
    Some(LabelMatch {
        label: &text[..separator_end],
        rest,
    })
}

/// The key and secret when the API key field holds both: `key:secret` on one line, or the key
/// and the secret on two labelled lines.
///
/// Two lines without labels are left alone: they are as likely one value wrapped when copied,
/// and splitting a wrapped key would make a wrong token look right.
fn key_and_secret_together(core: &str) -> Option<(String, String)> {
    let mut values = Vec::new();
    let mut labelled = false;
    for line in core.split(|c| CharacterKind::of(c) == Some(CharacterKind::LineBreak)) {
        let line = trim_edges(line).core;
        if line.is_empty() {
            continue;
        }
        match parse_label(line) {
            Some(label) => {
                labelled = true;
                if !label.rest.is_empty() {
                    values.push(label.rest);
                }
            }
            None => values.push(line),
        }
        if values.len() > 2 {
            return None;
        }
    }
    let (api_key, api_secret) = match values.as_slice() {
        [key, secret] if labelled => (*key, *secret),
        [single] => {
            let (key, secret) = single.split_once(':')?;
            let secret = trim_edges(secret).core;
            // `https://…` is a URL, not a key and secret.
            if secret.starts_with("//") {
                return None;
            }
            (trim_edges(key).core, secret)
        }
        _ => return None,
    };
    let plausible = !api_key.is_empty()
        && !api_secret.is_empty()
        && !api_key.contains(':')
        && !has_invisible(api_key)
        && !has_invisible(api_secret);
    plausible.then(|| (api_key.to_owned(), api_secret.to_owned()))
}

/// Splits an `Authorization:`, `Bearer` or `Basic` prefix (any case) off a pasted token.
/// Returns the prefix as pasted (empty when there is none) and the rest.
fn split_auth_prefix(text: &str) -> (&str, &str) {
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
fn as_token(value: &str) -> Option<Credentials> {
    let (_, data) = split_auth_prefix(value);
    if data.len() < 4 {
        return None;
    }
    let credentials = token::decode(data).ok()?;
    let printable = |s: &str| !s.is_empty() && !s.chars().any(char::is_control);
    (printable(&credentials.api_key) && printable(&credentials.api_secret)).then_some(credentials)
}

/// A field the browser could not give as text: at `position` stands half of a UTF-16
/// surrogate pair. Made by [`from_utf16`].
///
/// ```
/// use scim_token_core::diagnose::{from_utf16, LoneSurrogate};
///
/// assert_eq!(from_utf16(&[0x61, 0xD83D]), Err(LoneSurrogate { position: 2, unit: 0xD83D }));
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Debug, Hash)]
pub struct LoneSurrogate {
    /// Where it is, counting characters from 1.
    pub position: usize,
    /// The code unit.
    pub unit: u16,
}

impl LoneSurrogate {
    /// The finding to show beside `field`.
    ///
    /// Give [`diagnose`] or [`check_token`] an empty string for that field, so no token is made
    /// from it, and show this finding instead.
    ///
    /// ```
    /// use scim_token_core::diagnose::{diagnose, from_utf16, Field, Severity};
    ///
    /// let typed: Vec<u16> = vec![0x61, 0xDC00];
    /// let (secret, broken) = match from_utf16(&typed) {
    ///     Ok(text) => (text, None),
    ///     Err(lone) => (String::new(), Some(lone.finding(Field::ApiSecret))),
    /// };
    /// assert_eq!(diagnose("abc", &secret).token(), None);
    /// assert_eq!(broken.map(|finding| finding.severity()), Some(Severity::Error));
    /// ```
    pub fn finding(self, field: Field) -> Finding {
        Finding::new(
            Some(field),
            FindingKind::LoneSurrogate {
                position: self.position,
                unit: self.unit,
            },
        )
    }
}

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

/// Turns the UTF-16 code units of an input's value into text, refusing lone surrogates instead
/// of replacing them with U+FFFD (which would silently change the token).
///
/// ```
/// use scim_token_core::diagnose::{from_utf16, LoneSurrogate};
///
/// assert_eq!(from_utf16(&[0x6B, 0xD83D, 0xDD11]), Ok("k🔑".to_owned()));
/// assert_eq!(from_utf16(&[0xDD11, 0x6B]), Err(LoneSurrogate { position: 1, unit: 0xDD11 }));
/// ```
pub fn from_utf16(units: &[u16]) -> Result<String, LoneSurrogate> {
    let mut text = String::with_capacity(units.len());
    for (index, decoded) in char::decode_utf16(units.iter().copied()).enumerate() {
        match decoded {
            Ok(character) => text.push(character),
            Err(error) => {
                return Err(LoneSurrogate {
                    position: index + 1,
                    unit: error.unpaired_surrogate(),
                })
            }
        }
    }
    Ok(text)
}

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

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
