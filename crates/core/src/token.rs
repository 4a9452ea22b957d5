//! The secret token Entra ID sends to Secure Practice's SCIM endpoint.
//!
//! The token is `base64(UTF-8(api_key + ":" + api_secret))` with the standard alphabet and
//! padding (RFC 4648 §4). This module is the one place that joins a key and a secret, and the one
//! place that splits a token back into them; everything else asks it.

use base64::engine::general_purpose::STANDARD;
use base64::Engine as _;

/// The SCIM base URL admins enter as «Tenant URL» in Entra's provisioning settings.
pub const TENANT_URL: &str = "https://api.securepractice.co/scim/v2/";

/// Makes the secret token for an API key and API secret.
///
/// The values are used exactly as given: cleaning up what was pasted is the job of
/// [`crate::diagnose`], not of the encoder.
///
/// ```
/// use scim_token_core::token::secret_token;
///
/// assert_eq!(secret_token("abc", "123"), "YWJjOjEyMw==");
/// assert_eq!(secret_token("nøkkel", "hemmelig"), "bsO4a2tlbDpoZW1tZWxpZw==");
/// ```
pub fn secret_token(api_key: &str, api_secret: &str) -> String {
    let mut joined = String::with_capacity(api_key.len() + 1 + api_secret.len());
    joined.push_str(api_key);
    joined.push(':');
    joined.push_str(api_secret);
    STANDARD.encode(joined.as_bytes())
}

/// An API key and secret recovered from a secret token.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Credentials {
    /// Everything before the first colon.
    pub api_key: String,
    /// Everything after the first colon (it may itself hold colons).
    pub api_secret: String,
}

/// Why a string is not a secret token.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum DecodeError {
    /// Not standard base64 with padding.
    NotBase64,
    /// The decoded bytes are not UTF-8 text.
    NotUtf8,
    /// The decoded text has no colon, so it cannot be `key:secret`.
    NoColon,
}

/// Splits a secret token back into its API key and API secret, at the first colon.
///
/// The token must be exactly standard base64 with padding; lenient parsing (prefixes,
/// whitespace, other alphabets) belongs to the token checker in [`crate::diagnose`].
///
/// ```
/// use scim_token_core::token::{decode, DecodeError};
///
/// let credentials = decode("YWJjOjEyMw==").unwrap();
/// assert_eq!(credentials.api_key, "abc");
/// assert_eq!(credentials.api_secret, "123");
/// assert_eq!(decode("YWJj"), Err(DecodeError::NoColon));
/// ```
pub fn decode(token: &str) -> Result<Credentials, DecodeError> {
    let bytes = decode_bytes(token)?;
    let text = String::from_utf8(bytes).map_err(|_| DecodeError::NotUtf8)?;
    split_credentials(&text).ok_or(DecodeError::NoColon)
}

/// The bytes inside a token written in standard base64 with padding.
///
/// The token checker in [`crate::diagnose`] repairs the alphabet and the padding first and then
/// decodes through here, so every decode goes through the same engine.
pub(crate) fn decode_bytes(token: &str) -> Result<Vec<u8>, DecodeError> {
    STANDARD
        .decode(token.as_bytes())
        .map_err(|_| DecodeError::NotBase64)
}

/// Splits decoded text into key and secret at the first colon; `None` without a colon.
pub(crate) fn split_credentials(text: &str) -> Option<Credentials> {
    let (api_key, api_secret) = text.split_once(':')?;
    Some(Credentials {
        api_key: api_key.to_owned(),
        api_secret: api_secret.to_owned(),
    })
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn rfc4648_section_10_vectors() {
        // The encoder under the token is the standard one: check it on the RFC's own vectors.
        let vectors = [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ];
        for (plain, encoded) in vectors {
            assert_eq!(STANDARD.encode(plain), encoded, "encoding {plain:?}");
        }
        // And through the token: "f" + ":" + "oobar" is "f:oobar".
        assert_eq!(secret_token("fo", "o"), STANDARD.encode("fo:o"));
    }

    #[test]
    fn known_pairs_match_printf_base64() {
        // Expected values are `printf '%s' 'KEY:SECRET' | base64 -w0`.
        let pairs = [
            ("abc", "123", "YWJjOjEyMw=="),
            ("nøkkel", "hemmelig", "bsO4a2tlbDpoZW1tZWxpZw=="),
            ("ключ", "секрет", "0LrQu9GO0Yc60YHQtdC60YDQtdGC"),
            ("k", "🔑x", "azrwn5SReA=="),
            ("", "", "Og=="),
        ];
        for (key, secret, token) in pairs {
            assert_eq!(
                secret_token(key, secret),
                token,
                "pair ({key:?}, {secret:?})"
            );
            let back = decode(token).expect("known token decodes");
            assert_eq!(
                (back.api_key.as_str(), back.api_secret.as_str()),
                (key, secret)
            );
        }
    }

    #[test]
    fn decode_splits_at_the_first_colon() {
        let credentials = decode(&secret_token("key", "se:cr:et")).expect("decodes");
        assert_eq!(credentials.api_key, "key");
        assert_eq!(credentials.api_secret, "se:cr:et");
    }

    #[test]
    fn decode_rejects_what_is_not_a_token() {
        assert_eq!(decode("not base64!"), Err(DecodeError::NotBase64));
        assert_eq!(
            decode("YWJjOjEyMw"),
            Err(DecodeError::NotBase64),
            "missing padding"
        );
        assert_eq!(
            decode("_w=="),
            Err(DecodeError::NotBase64),
            "URL-safe alphabet"
        );
        assert_eq!(decode("/w=="), Err(DecodeError::NotUtf8));
        assert_eq!(decode("YWJj"), Err(DecodeError::NoColon));
    }

    proptest! {
        #[test]
        fn decoding_an_encoded_pair_gives_it_back(key in "[^:]*", secret in any::<String>()) {
            let credentials = decode(&secret_token(&key, &secret)).expect("own tokens decode");
            prop_assert_eq!(credentials.api_key, key);
            prop_assert_eq!(credentials.api_secret, secret);
        }

        #[test]
        fn tokens_use_only_the_standard_alphabet(key in any::<String>(), secret in any::<String>()) {
            let token = secret_token(&key, &secret);
            prop_assert_eq!(token.len() % 4, 0);
            prop_assert!(token.bytes().all(|b| b.is_ascii_alphanumeric() || b"+/=".contains(&b)));
        }
    }
}
