//! Checks what a host configured (element attributes, `mount()` options, component props).
//!
//! A bad value never stops the widget: it falls back to the default and reports a
//! [`ConfigProblem`], which the widget shows and the web layer also logs as a warning. The
//! values checked here are the host's configuration, never anything the admin typed.

use crate::lang::Lang;
use crate::token::TENANT_URL;

/// Something a host configured that the widget could not use.
#[derive(Clone, PartialEq, Eq, Debug)]
pub enum ConfigProblem {
    /// `tenant-url` is not an `https://` URL with a host; the standard one is shown instead.
    TenantUrlNotHttps(String),
    /// `lang` is not a language the widget speaks; the browser's language is used instead.
    UnknownLang(String),
    /// `auto-clear-seconds` is not a whole number of at least 1; the default is used instead.
    BadAutoClear(String),
    /// `auto-clear-seconds` is longer than a browser timer can wait ([`MAX_AUTO_CLEAR_SECONDS`]);
    /// the default is used instead.
    AutoClearTooLarge(String),
}

/// The longest auto-clear period: a timer's delay is a signed 32-bit count of milliseconds, and
/// a longer one fires at once (which would clear every keystroke).
pub const MAX_AUTO_CLEAR_SECONDS: u32 = (i32::MAX as u32) / 1000;

/// The tenant URL to show for what the host configured, and the problem if it was unusable.
///
/// ```
/// use scim_token_core::config::{tenant_url, ConfigProblem};
/// use scim_token_core::token::TENANT_URL;
///
/// assert_eq!(tenant_url(None), (TENANT_URL.to_owned(), None));
/// assert_eq!(tenant_url(Some("https://scim.example/v2/")).1, None);
/// let (shown, problem) = tenant_url(Some("http://scim.example/"));
/// assert_eq!(shown, TENANT_URL);
/// assert!(matches!(problem, Some(ConfigProblem::TenantUrlNotHttps(_))));
/// ```
pub fn tenant_url(configured: Option<&str>) -> (String, Option<ConfigProblem>) {
    match configured {
        None => (TENANT_URL.to_owned(), None),
        Some(url) if is_https_url(url) => (url.to_owned(), None),
        Some(url) => (
            TENANT_URL.to_owned(),
            Some(ConfigProblem::TenantUrlNotHttps(url.to_owned())),
        ),
    }
}

fn is_https_url(url: &str) -> bool {
    let Some(rest) = url.strip_prefix("https://") else {
        return false;
    };
    let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
    !host.is_empty()
        && !url.chars().any(|c| c.is_whitespace() || c.is_control())
        && host
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "-.:[]".contains(c))
}

/// The language for a configured tag (`None`: not configured, use the browser's).
///
/// ```
/// use scim_token_core::config::lang;
/// use scim_token_core::i18n::Lang;
///
/// assert_eq!(lang(Some("nb")), Ok(Some(Lang::Nb)));
/// assert_eq!(lang(None), Ok(None));
/// assert!(lang(Some("klingon")).is_err());
/// ```
pub fn lang(configured: Option<&str>) -> Result<Option<Lang>, ConfigProblem> {
    match configured {
        None | Some("") => Ok(None),
        Some(tag) => Lang::from_tag(tag)
            .map(Some)
            .ok_or_else(|| ConfigProblem::UnknownLang(tag.to_owned())),
    }
}

/// The auto-clear period for a configured number of seconds (`None`: the default).
///
/// ```
/// use scim_token_core::config::auto_clear_seconds;
///
/// assert_eq!(auto_clear_seconds(Some("120"), 600), Ok(120));
/// assert_eq!(auto_clear_seconds(None, 600), Ok(600));
/// assert!(auto_clear_seconds(Some("0"), 600).is_err());
/// assert!(auto_clear_seconds(Some("ten"), 600).is_err());
/// assert!(auto_clear_seconds(Some("2147484"), 600).is_err(), "longer than a timer can wait");
/// ```
pub fn auto_clear_seconds(configured: Option<&str>, default: u32) -> Result<u32, ConfigProblem> {
    match configured.map(str::trim) {
        None | Some("") => Ok(default),
        // Digits alone, however many, are a number: too large, not "not a whole number".
        Some(text) if text.bytes().all(|b| b.is_ascii_digit()) => match text.parse::<u32>() {
            Ok(0) => Err(ConfigProblem::BadAutoClear(text.to_owned())),
            Ok(seconds) if seconds <= MAX_AUTO_CLEAR_SECONDS => Ok(seconds),
            _ => Err(ConfigProblem::AutoClearTooLarge(text.to_owned())),
        },
        Some(text) => Err(ConfigProblem::BadAutoClear(text.to_owned())),
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn only_https_urls_with_a_host_are_accepted() {
        for good in [
            "https://api.securepractice.co/scim/v2/",
            "https://localhost:8443/scim",
            "https://[::1]/scim",
        ] {
            assert_eq!(tenant_url(Some(good)), (good.to_owned(), None), "{good}");
        }
        for bad in [
            "http://api.securepractice.co/scim/v2/",
            "https://",
            "https:///scim",
            "javascript:alert(1)",
            "https://exa mple.com/",
            "HTTPS://upper.example/",
            "https://user@host/",
        ] {
            let (shown, problem) = tenant_url(Some(bad));
            assert_eq!(shown, TENANT_URL, "{bad}");
            assert_eq!(problem, Some(ConfigProblem::TenantUrlNotHttps(bad.into())));
        }
    }

    #[test]
    fn auto_clear_refuses_a_period_the_browser_cannot_wait_for() {
        // A timer's delay is a signed 32-bit count of milliseconds: 2,147,483 s is the most.
        assert_eq!(auto_clear_seconds(Some("2147483"), 600), Ok(2_147_483));
        for too_large in [
            "2147484",
            "4294967295",
            "4294967296",
            "99999999999999999999",
        ] {
            assert_eq!(
                auto_clear_seconds(Some(too_large), 600),
                Err(ConfigProblem::AutoClearTooLarge(too_large.into())),
                "{too_large}"
            );
        }
    }

    #[test]
    fn auto_clear_takes_whole_seconds_of_at_least_one() {
        assert_eq!(auto_clear_seconds(Some(" 30 "), 600), Ok(30));
        for bad in ["-5", "1.5", "0", "1e3"] {
            assert!(auto_clear_seconds(Some(bad), 600).is_err(), "{bad}");
        }
    }
}
