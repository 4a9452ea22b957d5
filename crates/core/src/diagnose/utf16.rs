//! Reading a field's UTF-16 code units as text without losing anything: a lone surrogate is
//! refused with its position ([`LoneSurrogate`]), never replaced.

use super::finding::{Field, Finding, FindingKind};

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
    /// [`diagnose`]: super::diagnose
    /// [`check_token`]: super::check_token
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
