//! Checks what a host configured (element attributes, `mount()` options, component props).
//!
//! A bad value never stops the widget: it falls back to the default and reports a
//! [`ConfigProblem`], which the widget shows and the web layer also logs as a warning. The
//! values checked here are the host's configuration, never anything the admin typed.

use crate::lang::Lang;
use crate::options::WidgetOption;
use crate::token::TENANT_URL;

/// Something a host configured that the widget could not use.
#[derive(Clone, PartialEq, Eq, Debug)]
pub enum ConfigProblem {
    /// `tenant-url` is not an `https://` URL with a host; the standard one is shown instead.
    TenantUrlNotHttps(String),
    /// `lang` is not a language the widget speaks; the browser's language is used instead.
    UnknownLang(String),
    /// `auto-clear-seconds` is not a whole number; the default is used instead.
    BadAutoClear(String),
    /// `auto-clear-seconds` is a whole number below 1 (`0`, `-30`); the default is used instead.
    AutoClearTooSmall(String),
    /// `auto-clear-seconds` is longer than a browser timer can wait ([`MAX_AUTO_CLEAR_SECONDS`]);
    /// the default is used instead.
    AutoClearTooLarge(String),
    /// `heading-level` is not a whole number from 1 to 6; level 2 is used instead.
    BadHeadingLevel(String),
    /// A yes/no option is neither `true` nor `false`; its default is used instead.
    NotYesOrNo(YesNoOption, String),
}

/// An option that says yes or no.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum YesNoOption {
    /// `show-steps`: the numbered Entra steps.
    ShowSteps,
    /// `show-mapping`: «Map organisation levels» and «Try an expression».
    ShowMapping,
    /// `language-switch`: the English/Norsk buttons.
    LanguageSwitch,
    /// `setup-guide`: «Before you start» and «After you save».
    SetupGuide,
}

impl YesNoOption {
    /// The element's attribute, as hosts write it in markup.
    pub const fn attribute(self) -> &'static str {
        self.widget_option().attribute()
    }

    /// The `mount()` option, as hosts write it in JavaScript.
    pub const fn option(self) -> &'static str {
        self.widget_option().option()
    }

    /// The option in the one list of options.
    pub const fn widget_option(self) -> WidgetOption {
        match self {
            YesNoOption::ShowSteps => WidgetOption::ShowSteps,
            YesNoOption::ShowMapping => WidgetOption::ShowMapping,
            YesNoOption::LanguageSwitch => WidgetOption::LanguageSwitch,
            YesNoOption::SetupGuide => WidgetOption::SetupGuide,
        }
    }

    /// The value when the host does not set it.
    pub const fn default_value(self) -> bool {
        matches!(self, YesNoOption::ShowSteps | YesNoOption::ShowMapping)
    }
}

/// A yes/no option's value for what the host configured: `true`, or a bare attribute (the
/// empty string), says yes; `false` says no; not configured, its default. Anything else (`no`,
/// `0`, `False`) is a [`ConfigProblem::NotYesOrNo`], and the caller uses the default, rather
/// than guess what the host meant. `mount()`'s booleans arrive here as `"true"` and `"false"`.
///
/// ```
/// use scim_token_core::config::{yes_no, ConfigProblem, YesNoOption};
///
/// assert_eq!(yes_no(YesNoOption::SetupGuide, Some("")), Ok(true));
/// assert_eq!(yes_no(YesNoOption::ShowSteps, Some("false")), Ok(false));
/// assert_eq!(yes_no(YesNoOption::ShowSteps, None), Ok(true));
/// assert_eq!(
///     yes_no(YesNoOption::ShowSteps, Some("no")),
///     Err(ConfigProblem::NotYesOrNo(YesNoOption::ShowSteps, "no".into()))
/// );
/// ```
pub fn yes_no(option: YesNoOption, configured: Option<&str>) -> Result<bool, ConfigProblem> {
    match configured.map(str::trim) {
        None => Ok(option.default_value()),
        Some("" | "true") => Ok(true),
        Some("false") => Ok(false),
        Some(text) => Err(ConfigProblem::NotYesOrNo(option, quoted(text))),
    }
}

/// The longest auto-clear period: a timer's delay is a signed 32-bit count of milliseconds, and
/// a longer one fires at once (which would clear every keystroke).
pub const MAX_AUTO_CLEAR_SECONDS: u32 = (i32::MAX as u32) / 1000;

/// The tenant URL to show for what the host configured, and the problem if it was unusable.
///
/// The scheme and the host are read in any case (RFC 3986: they are case-insensitive) and
/// shown in lower case, the standard form; the path, query and fragment are shown as given,
/// since a server may tell their cases apart.
///
/// ```
/// use scim_token_core::config::{tenant_url, ConfigProblem};
/// use scim_token_core::token::TENANT_URL;
///
/// assert_eq!(tenant_url(None), (TENANT_URL.to_owned(), None));
/// assert_eq!(tenant_url(Some("https://scim.example/v2/")).1, None);
/// assert_eq!(
///     tenant_url(Some("HTTPS://SCIM.EXAMPLE/V2/")),
///     ("https://scim.example/V2/".to_owned(), None)
/// );
/// let (shown, problem) = tenant_url(Some("http://scim.example/"));
/// assert_eq!(shown, TENANT_URL);
/// assert!(matches!(problem, Some(ConfigProblem::TenantUrlNotHttps(_))));
/// ```
pub fn tenant_url(configured: Option<&str>) -> (String, Option<ConfigProblem>) {
    match configured {
        None => (TENANT_URL.to_owned(), None),
        Some(url) => match https_url(url) {
            Some(shown) => (shown, None),
            None => (
                TENANT_URL.to_owned(),
                Some(ConfigProblem::TenantUrlNotHttps(quoted(url))),
            ),
        },
    }
}

/// The most characters of a refused value repeated in a message.
pub const MAX_QUOTED_CHARS: usize = 80;

/// A refused value as a message quotes it: at most [`MAX_QUOTED_CHARS`] characters (then «…»),
/// with control, format (bidi) and line-breaking characters shown as U+FFFD, so the quote
/// cannot reorder or break the message around it.
fn quoted(value: &str) -> String {
    let mut shown: String = value
        .chars()
        .take(MAX_QUOTED_CHARS)
        .map(|c| {
            if c.is_control() || is_format(c) || (c.is_whitespace() && c != ' ') {
                char::REPLACEMENT_CHARACTER
            } else {
                c
            }
        })
        .collect();
    if value.chars().nth(MAX_QUOTED_CHARS).is_some() {
        shown.push('…');
    }
    shown
}

/// Unicode's format characters that can change how text around them is shown: bidi controls,
/// zero-width joiners and marks, the byte order mark.
fn is_format(c: char) -> bool {
    matches!(
        u32::from(c),
        0x00AD | 0x061C | 0x200B..=0x200F | 0x202A..=0x202E | 0x2060..=0x206F | 0xFEFF
    )
}

/// An absolute `https:` URL with a host, every character of which may stand in a URL as it is
/// (RFC 3986, ASCII): no white space, controls, quotes, angle brackets or bidi controls, so it
/// is shown and copied exactly as Entra will read it. Returned with its scheme and host in
/// lower case; `None` if it is not such a URL.
fn https_url(url: &str) -> Option<String> {
    const SCHEME: &str = "https://";
    let scheme = url.get(..SCHEME.len())?;
    if !scheme.eq_ignore_ascii_case(SCHEME) {
        return None;
    }
    let rest = &url[SCHEME.len()..];
    let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
    let valid = !host.is_empty()
        && url
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "-._~:/?#[]@!$&()*+,;=%".contains(c))
        && host
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "-.:[]".contains(c));
    valid.then(|| {
        format!(
            "{SCHEME}{}{}",
            host.to_ascii_lowercase(),
            &rest[host.len()..]
        )
    })
}

/// The level of the widget's title for a configured value (`None`: not configured, use 2).
///
/// ```
/// use scim_token_core::config::heading_level;
///
/// assert_eq!(heading_level(Some("1")), Ok(Some(1)));
/// assert_eq!(heading_level(None), Ok(None));
/// assert!(heading_level(Some("7")).is_err());
/// ```
pub fn heading_level(configured: Option<&str>) -> Result<Option<u8>, ConfigProblem> {
    match configured.map(str::trim) {
        None | Some("") => Ok(None),
        Some(text) => match text.parse::<u8>() {
            Ok(level @ 1..=6) => Ok(Some(level)),
            _ => Err(ConfigProblem::BadHeadingLevel(quoted(text))),
        },
    }
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
            .ok_or_else(|| ConfigProblem::UnknownLang(quoted(tag))),
    }
}

/// The auto-clear period for a configured number of seconds (`None`: the default).
///
/// ```
/// use scim_token_core::config::{auto_clear_seconds, ConfigProblem};
///
/// assert_eq!(auto_clear_seconds(Some("120"), 600), Ok(120));
/// assert_eq!(auto_clear_seconds(None, 600), Ok(600));
/// assert_eq!(
///     auto_clear_seconds(Some("-30"), 600),
///     Err(ConfigProblem::AutoClearTooSmall("-30".into()))
/// );
/// assert_eq!(
///     auto_clear_seconds(Some("ten"), 600),
///     Err(ConfigProblem::BadAutoClear("ten".into()))
/// );
/// assert!(auto_clear_seconds(Some("2147484"), 600).is_err(), "longer than a timer can wait");
/// ```
pub fn auto_clear_seconds(configured: Option<&str>, default: u32) -> Result<u32, ConfigProblem> {
    match configured.map(str::trim) {
        None | Some("") => Ok(default),
        // Digits alone, however many, are a number: too large, not "not a whole number".
        Some(text) if is_digits(text) => match text.parse::<u32>() {
            Ok(0) => Err(ConfigProblem::AutoClearTooSmall(quoted(text))),
            Ok(seconds) if seconds <= MAX_AUTO_CLEAR_SECONDS => Ok(seconds),
            _ => Err(ConfigProblem::AutoClearTooLarge(quoted(text))),
        },
        // A minus and digits: a whole number, below 1 however many digits.
        Some(text) if text.strip_prefix('-').is_some_and(is_digits) => {
            Err(ConfigProblem::AutoClearTooSmall(quoted(text)))
        }
        Some(text) => Err(ConfigProblem::BadAutoClear(quoted(text))),
    }
}

/// One or more ASCII digits and nothing else.
fn is_digits(text: &str) -> bool {
    !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit())
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
            "HTTP://upper.example/",
            "https://user@host/",
        ] {
            let (shown, problem) = tenant_url(Some(bad));
            assert_eq!(shown, TENANT_URL, "{bad}");
            assert_eq!(problem, Some(ConfigProblem::TenantUrlNotHttps(bad.into())));
        }
    }

    #[test]
    fn the_scheme_and_host_are_read_in_any_case_and_shown_in_lower_case() {
        // RFC 3986, 3.1 and 3.2.2: scheme and host are case-insensitive; the rest is not.
        for (given, shown) in [
            (
                "HTTPS://API.SECUREPRACTICE.CO/scim/v2/",
                "https://api.securepractice.co/scim/v2/",
            ),
            (
                "Https://Scim.Example:8443/V2/?Tenant=A#Frag",
                "https://scim.example:8443/V2/?Tenant=A#Frag",
            ),
            ("hTTps://[2001:DB8::1]/SCIM", "https://[2001:db8::1]/SCIM"),
        ] {
            assert_eq!(tenant_url(Some(given)), (shown.to_owned(), None), "{given}");
        }
        for bad in ["HTTP://API.SECUREPRACTICE.CO/", "HTTPS://", "HTTPS:///scim"] {
            assert_eq!(
                tenant_url(Some(bad)),
                (
                    TENANT_URL.to_owned(),
                    Some(ConfigProblem::TenantUrlNotHttps(bad.into()))
                ),
                "{bad}"
            );
        }
    }

    #[test]
    fn a_tenant_url_is_refused_unless_every_character_is_valid_in_a_url() {
        for bad in [
            "https://a.example/\"><script>alert(1)</script>",
            "https://a.example/scim/v2/\u{202E}2v/mics",
            "https://a.example/scim v2/",
            "https://a.example/<x>",
            "https://a.example/'x'",
            "https://a.example/\u{7}",
            "https://exämple.no/scim/v2/",
        ] {
            let (shown, problem) = tenant_url(Some(bad));
            assert_eq!(shown, TENANT_URL, "{bad:?}");
            assert!(
                matches!(problem, Some(ConfigProblem::TenantUrlNotHttps(_))),
                "{bad:?}"
            );
        }
        for good in [
            "https://api.securepractice.co/scim/v2/",
            "https://scim.example:8443/v2/?tenant=a%20b&x=1#frag",
            "https://[2001:db8::1]/scim/v2/",
        ] {
            assert_eq!(tenant_url(Some(good)), (good.to_owned(), None), "{good:?}");
        }
    }

    #[test]
    fn a_refused_value_is_quoted_in_at_most_80_characters_with_controls_made_visible() {
        let long = format!("https://a.example/{}", "x".repeat(100_000) + "\"");
        let (_, problem) = tenant_url(Some(&long));
        let Some(ConfigProblem::TenantUrlNotHttps(quoted)) = problem else {
            panic!("refused")
        };
        assert_eq!(quoted.chars().count(), 81, "80 characters and «…»");
        assert!(quoted.ends_with('…'));
        let (_, problem) = tenant_url(Some("https://a/\u{202E}\n"));
        let Some(ConfigProblem::TenantUrlNotHttps(quoted)) = problem else {
            panic!("refused")
        };
        assert_eq!(quoted, "https://a/\u{FFFD}\u{FFFD}");
        assert_eq!(
            auto_clear_seconds(Some(&"9".repeat(500)), 600),
            Err(ConfigProblem::AutoClearTooLarge(format!(
                "{}…",
                "9".repeat(80)
            )))
        );
    }

    #[test]
    fn a_yes_no_option_is_true_false_or_a_bare_attribute() {
        for option in [
            YesNoOption::ShowSteps,
            YesNoOption::ShowMapping,
            YesNoOption::LanguageSwitch,
            YesNoOption::SetupGuide,
        ] {
            assert_eq!(
                yes_no(option, None),
                Ok(option.default_value()),
                "{option:?}"
            );
            // A bare attribute (`setup-guide`) says yes; mount()'s booleans arrive as text.
            assert_eq!(yes_no(option, Some("")), Ok(true), "{option:?}");
            assert_eq!(yes_no(option, Some("true")), Ok(true), "{option:?}");
            assert_eq!(yes_no(option, Some("false")), Ok(false), "{option:?}");
            assert_eq!(yes_no(option, Some(" false ")), Ok(false), "{option:?}");
        }
        assert_eq!(
            [YesNoOption::ShowSteps, YesNoOption::ShowMapping].map(YesNoOption::default_value),
            [true, true]
        );
        assert_eq!(
            [YesNoOption::LanguageSwitch, YesNoOption::SetupGuide].map(YesNoOption::default_value),
            [false, false]
        );
    }

    #[test]
    fn a_yes_no_option_that_is_neither_is_a_problem_naming_the_option_and_the_value() {
        for bad in ["no", "0", "1", "yes", "off", "False", "show-steps"] {
            assert_eq!(
                yes_no(YesNoOption::ShowSteps, Some(bad)),
                Err(ConfigProblem::NotYesOrNo(
                    YesNoOption::ShowSteps,
                    bad.into()
                )),
                "{bad}"
            );
        }
        assert_eq!(
            yes_no(YesNoOption::SetupGuide, Some("no\u{202E}")),
            Err(ConfigProblem::NotYesOrNo(
                YesNoOption::SetupGuide,
                "no\u{FFFD}".into()
            )),
            "quoted like every refused value"
        );
        let problem = ConfigProblem::NotYesOrNo(YesNoOption::ShowSteps, "no".into());
        for lang in [Lang::En, Lang::Nb] {
            let message = problem.message(lang);
            for part in ["show-steps", "showSteps", "no", "true", "false"] {
                assert!(message.contains(part), "{lang:?} names {part}: {message}");
            }
        }
        let problem = ConfigProblem::NotYesOrNo(YesNoOption::SetupGuide, "0".into());
        assert!(problem.message(Lang::Nb).contains("setup-guide"));
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

    #[test]
    fn auto_clear_of_zero_or_less_is_too_short_not_a_bad_number() {
        for too_small in ["0", "000", "-0", "-1", "-30", "-99999999999999999999"] {
            assert_eq!(
                auto_clear_seconds(Some(too_small), 600),
                Err(ConfigProblem::AutoClearTooSmall(too_small.into())),
                "{too_small}"
            );
        }
        assert_eq!(
            auto_clear_seconds(Some(" -1 "), 600),
            Err(ConfigProblem::AutoClearTooSmall("-1".into()))
        );
        for not_whole in ["abc", "1.5", "-1.5", "-", "--1", "- 1", "+5", "1e3"] {
            assert_eq!(
                auto_clear_seconds(Some(not_whole), 600),
                Err(ConfigProblem::BadAutoClear(not_whole.into())),
                "{not_whole}"
            );
        }
        for lang in [Lang::En, Lang::Nb] {
            let message = ConfigProblem::AutoClearTooSmall("-1".into()).message(lang);
            assert!(
                message.contains("-1") && message.contains(" 1 "),
                "{message}"
            );
            assert_ne!(
                message,
                ConfigProblem::BadAutoClear("-1".into()).message(lang),
                "its own message"
            );
        }
    }
}
