//! The widget's one state and the actions that change it.
//!
//! Every change the admin makes is an [`Action`]; [`State::apply`] is the only code that changes
//! the state. Derived values (the token, the hint) are computed from the state by [`State::outcome`]
//! and never stored beside it. This file has no browser in it, so it is tested natively.

use crate::diagnose::{self, Field, Finding, Fix, LoneSurrogate, TokenCheck};
use crate::guide::Guide;
use crate::i18n::{Lang, Text};

/// A state that only actions change: the widget's [`State`] and the helpers' states. The Yew
/// layer has one reducer for all of them, which applies an action to a copy.
///
/// ```
/// use scim_token_core::state::{Action, Apply, State};
///
/// let mut state = State::default();
/// Apply::apply(&mut state, Action::SetApiKey("abc".into()));
/// assert_eq!(state.api_key.text, "abc");
/// ```
pub trait Apply: Clone {
    /// A change to the state.
    type Action;
    /// Applies one change.
    fn apply(&mut self, action: Self::Action);
}

impl Apply for State {
    type Action = Action;
    fn apply(&mut self, action: Action) {
        State::apply(self, action);
    }
}

/// What a copy button copies.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum CopyTarget {
    /// The secret token.
    SecretToken,
    /// The tenant URL.
    TenantUrl,
}

/// Why the widget emptied itself.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum ClearReason {
    /// The admin pressed «Clear».
    Button,
    /// Nothing was typed for the auto-clear period, or the page was hidden that long.
    Idle,
}

impl CopyTarget {
    /// The name hosts see in the `scim-token-copied` event.
    pub fn name(self) -> &'static str {
        match self {
            CopyTarget::SecretToken => "secret-token",
            CopyTarget::TenantUrl => "tenant-url",
        }
    }
}

/// The last thing worth announcing to the admin (and to screen readers).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Status {
    /// A copy went to the clipboard.
    Copied(CopyTarget),
    /// The clipboard refused; the text is selected for Ctrl+C instead.
    CopyFailed(CopyTarget),
    /// Every field was emptied.
    Cleared(ClearReason),
    /// Every field was emptied, and the clipboard, where the widget had copied the secret
    /// token (the admin may have copied something else since: the widget cannot tell).
    ClipboardEmptied(ClearReason),
    /// Every field was emptied at the admin's click, but the browser refused to empty the
    /// clipboard, which still holds the secret token.
    ClipboardKept,
    /// The admin switched the language.
    LanguageSwitched,
}

impl Status {
    /// The announcement for this status.
    pub fn text(self) -> Text {
        match self {
            Status::Copied(CopyTarget::SecretToken) => Text::SecretTokenCopied,
            Status::Copied(CopyTarget::TenantUrl) => Text::TenantUrlCopied,
            Status::CopyFailed(_) => Text::CopyFailed,
            Status::Cleared(ClearReason::Button) => Text::Cleared,
            Status::Cleared(ClearReason::Idle) => Text::ClearedAfterIdle,
            Status::ClipboardEmptied(ClearReason::Button) => Text::ClearedClipboardEmptied,
            Status::ClipboardEmptied(ClearReason::Idle) => Text::ClearedAfterIdleClipboardEmptied,
            Status::ClipboardKept => Text::ClearedClipboardKept,
            Status::LanguageSwitched => Text::LanguageSwitched,
        }
    }
}

/// What a field holds, as the browser gave it.
///
/// Browsers hand over UTF-16, which may hold a lone surrogate that is no character at all. Such
/// a value is kept with its replacement characters for display only, and marked, so that no
/// token is ever made from a lossy conversion. A value far over the field's limit is not
/// kept at all, only its length: it is refused for that alone, and a megabyte pasted by
/// mistake then never enters the widget's memory.
#[derive(Clone, PartialEq, Eq, Debug, Default)]
pub struct Typed {
    /// The text (lossy only when `lone_surrogate` is set; empty when `too_long` is).
    pub text: String,
    /// The first lone surrogate, if the browser's value held one.
    pub lone_surrogate: Option<LoneSurrogate>,
    /// The length in characters of a value too long to keep, whose text was not read.
    pub too_long: Option<usize>,
}

impl Typed {
    /// Reads a browser value from its UTF-16 code units.
    ///
    /// ```
    /// use scim_token_core::state::Typed;
    ///
    /// assert_eq!(Typed::from_utf16(&[0x61, 0x62]).text, "ab");
    /// assert!(Typed::from_utf16(&[0x61, 0xD800]).lone_surrogate.is_some());
    /// ```
    pub fn from_utf16(units: &[u16]) -> Typed {
        match diagnose::from_utf16(units) {
            Ok(text) => text.into(),
            Err(lone) => Typed {
                text: String::from_utf16_lossy(units),
                lone_surrogate: Some(lone),
                too_long: None,
            },
        }
    }

    /// A value of `length` characters that is refused for its length, its text left unread.
    ///
    /// ```
    /// use scim_token_core::state::Typed;
    ///
    /// assert!(Typed::too_long(1 << 20).is_filled());
    /// assert!(Typed::too_long(1 << 20).text.is_empty());
    /// ```
    pub fn too_long(length: usize) -> Typed {
        Typed {
            too_long: Some(length),
            ..Typed::default()
        }
    }

    /// Whether the field holds anything.
    pub fn is_filled(&self) -> bool {
        !self.text.is_empty() || self.too_long.is_some()
    }

    /// The text to put into the input when the widget rewrites the fields; `None` when only
    /// the input holds the value faithfully (too long to keep, or with a lone surrogate that
    /// `text` shows as U+FFFD), and the input is to be left as it is.
    pub fn to_write(&self) -> Option<&str> {
        (self.too_long.is_none() && self.lone_surrogate.is_none()).then_some(self.text.as_str())
    }

    /// The text for checking: empty when it cannot be used faithfully.
    fn usable(&self) -> &str {
        if self.lone_surrogate.is_some() {
            ""
        } else {
            &self.text
        }
    }

    /// The error that stands for the text when it could not be read faithfully or in full.
    fn unreadable(&self, field: Field) -> Option<Finding> {
        let too_long = self
            .too_long
            .and_then(|length| diagnose::too_long_finding(field, length));
        too_long.or_else(|| self.lone_surrogate.map(|lone| lone.finding(field)))
    }
}

impl From<&str> for Typed {
    fn from(text: &str) -> Typed {
        text.to_owned().into()
    }
}

impl From<String> for Typed {
    fn from(text: String) -> Typed {
        Typed {
            text,
            ..Typed::default()
        }
    }
}

/// Everything the admin has entered or chosen.
#[derive(Clone, PartialEq, Eq, Debug, Default)]
pub struct State {
    /// The API key field, exactly as typed.
    pub api_key: Typed,
    /// The API secret field, exactly as typed.
    pub api_secret: Typed,
    /// The «Check a token» box, exactly as pasted.
    pub token_to_check: Typed,
    /// Whether the «Check a token» section is open.
    pub check_open: bool,
    /// Whether the «Token to check» box is shown in clear text.
    pub check_token_visible: bool,
    /// Whether the checked token's secret is shown.
    pub checked_secret_visible: bool,
    /// Whether the API secret is shown in clear text.
    pub secret_visible: bool,
    /// Whether the secret token is shown in clear text.
    pub token_visible: bool,
    /// The latest announcement, if any.
    pub status: Option<Status>,
    /// Counts what the admin did; the auto-clear timer starts again whenever it changes.
    pub activity: u64,
    /// The auto-clear is about to happen and the admin has been told.
    pub clear_pending: bool,
    /// The language the admin chose in the widget, over the host's.
    pub chosen_lang: Option<Lang>,
    /// Counts the times the widget itself set the texts of the fields (a fix, Clear, a key
    /// from the host). The fields write their texts into the inputs when it changes, and
    /// otherwise leave the inputs to the admin: what the admin types is only read.
    pub rewrites: u32,
    /// Counts the Clears (the button's and the auto-clear's): the directory check drops its
    /// file and results when it changes.
    pub clears: u32,
    /// Whether the directory check holds a users export ([`Action::HoldDirectoryFile`]).
    pub directory_file: bool,
    /// Whether the widget put the secret token on the clipboard and nothing has replaced it
    /// since: Clear then empties the clipboard too (the widget, `Action::ClipboardEmptied`).
    pub token_on_clipboard: bool,
    /// A Clear waiting for the clipboard to be emptied: its status is said once that is done,
    /// so the admin hears one announcement, not «Cleared.» and then another.
    pub emptying_clipboard: Option<ClearReason>,
    /// Which of the guide's sections are open (by [`Guide`]; see [`State::guide_open`]).
    guides_open: [bool; 2],
    /// The guide's point that was last asked for from elsewhere in the widget (the mapping
    /// helper's «See point 3 of «After you save»»), and how many times one was asked for: the
    /// widget moves the focus to it whenever the count changes.
    pub guide_point_asked: Option<(Guide, usize, u32)>,
}

/// One change to the [`State`].
#[derive(Clone, PartialEq, Eq, Debug)]
pub enum Action {
    /// The API key field now holds this text.
    SetApiKey(Typed),
    /// The host gave this API key (e.g. the one it just created): it goes into the field.
    HostApiKey(String),
    /// The API secret field now holds this text.
    SetApiSecret(Typed),
    /// The «Check a token» box now holds this text.
    SetTokenToCheck(Typed),
    /// Open or close the «Check a token» section.
    ToggleCheck,
    /// Show or hide the «Token to check» box.
    ToggleCheckTokenVisible,
    /// Show or hide the checked token's secret.
    ToggleCheckedSecretVisible,
    /// Apply a one-click fix offered by a finding about `Field`.
    ApplyFix(Option<Field>, Fix),
    /// Show or hide the API secret.
    ToggleSecretVisible,
    /// Show or hide the secret token.
    ToggleTokenVisible,
    /// A copy finished: `true` if the clipboard took it.
    CopyFinished(CopyTarget, bool),
    /// The auto-clear will happen soon unless the admin does something.
    WarnBeforeClear,
    /// The admin wants to keep what was typed for another period.
    KeepInput,
    /// Forget everything typed.
    Clear(ClearReason),
    /// After a Clear, the widget tried to empty the clipboard of the token: `true` if it could.
    ClipboardEmptied(bool),
    /// Open or close one of the guide's sections.
    ToggleGuide(Guide),
    /// Open a guide section and go to one of its points (0-based).
    ShowGuidePoint(Guide, usize),
    /// Speak this language (the admin's choice in the widget).
    ChooseLang(Lang),
    /// The host set a language: it replaces the admin's earlier choice.
    HostLangChanged,
    /// «Check the whole directory» holds a users export now (`true`), or no longer: the
    /// auto-clear and the end of input cover it as they cover what was typed.
    HoldDirectoryFile(bool),
}

impl Action {
    /// Whether this is the admin doing something, which restarts the auto-clear period.
    fn is_activity(&self) -> bool {
        matches!(
            self,
            Action::SetApiKey(_)
                | Action::HostApiKey(_)
                | Action::SetApiSecret(_)
                | Action::SetTokenToCheck(_)
                | Action::ToggleCheck
                | Action::ToggleGuide(_)
                | Action::ShowGuidePoint(..)
                | Action::ToggleCheckTokenVisible
                | Action::ToggleCheckedSecretVisible
                | Action::ApplyFix(..)
                | Action::ToggleSecretVisible
                | Action::ToggleTokenVisible
                | Action::KeepInput
                | Action::HoldDirectoryFile(true)
        )
    }
}

/// What the widget shows about the fields, derived from the state.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Outcome {
    /// Everything found about the two fields, errors first within each field.
    pub findings: Vec<Finding>,
    /// The secret token, when both fields are filled and nothing blocks it.
    pub token: Option<String>,
    /// Why there is no token, when there is none.
    pub hint: Option<Text>,
}

/// What a host is told about the widget: never a value, only which of four states it is in.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum TokenState {
    /// Both fields are empty.
    Empty,
    /// Something is typed (or the host gave the API key), but a field is still empty, and
    /// nothing typed is an error: the admin is not finished yet.
    Incomplete,
    /// A token is ready to copy.
    Valid,
    /// A finding about what is typed is an error: no token can be made until it is fixed.
    Invalid,
}

impl TokenState {
    /// The name hosts see in the `scim-token-state` event.
    pub fn name(self) -> &'static str {
        match self {
            TokenState::Empty => "empty",
            TokenState::Incomplete => "incomplete",
            TokenState::Valid => "valid",
            TokenState::Invalid => "invalid",
        }
    }
}

impl Outcome {
    /// The state a host is told about: `Invalid` only when a finding is an error, so a host
    /// that greys out its «Save» on it never shows an error the admin did not make.
    ///
    /// ```
    /// use scim_token_core::state::{Action, State, TokenState};
    ///
    /// let mut state = State::default();
    /// assert_eq!(state.outcome().token_state(), TokenState::Empty);
    /// state.apply(Action::SetApiKey("abc".into()));
    /// assert_eq!(state.outcome().token_state(), TokenState::Incomplete);
    /// state.apply(Action::SetApiSecret("123".into()));
    /// assert_eq!(state.outcome().token_state(), TokenState::Valid);
    /// state.apply(Action::SetApiKey("a:bc".into()));
    /// assert_eq!(state.outcome().token_state(), TokenState::Invalid);
    /// ```
    pub fn token_state(&self) -> TokenState {
        let error = self
            .findings
            .iter()
            .any(|f| f.severity() == diagnose::Severity::Error);
        match (&self.token, self.hint) {
            (Some(_), _) => TokenState::Valid,
            _ if error => TokenState::Invalid,
            (None, Some(Text::MissingKeyAndSecret)) => TokenState::Empty,
            (None, Some(Text::MissingKey | Text::MissingSecret)) => TokenState::Incomplete,
            // Both fields filled and no token: something blocks it.
            (None, _) => TokenState::Invalid,
        }
    }

    /// The token, if there is one.
    pub fn token(&self) -> Option<&str> {
        self.token.as_deref()
    }

    /// The findings about one field (`None`: about both).
    pub fn for_field(&self, field: Option<Field>) -> impl Iterator<Item = &Finding> {
        self.findings.iter().filter(move |f| f.field == field)
    }

    /// Whether a finding about `field` blocks the token.
    pub fn has_error(&self, field: Field) -> bool {
        self.for_field(Some(field))
            .any(|f| f.severity() == diagnose::Severity::Error)
    }
}

impl State {
    /// A state with the API key field prefilled (for hosts that just created the key).
    pub fn with_api_key(api_key: String) -> Self {
        State {
            api_key: api_key.into(),
            ..State::default()
        }
    }

    /// Whether a section of the guide is open.
    pub fn guide_open(&self, guide: Guide) -> bool {
        self.guides_open[guide.index()]
    }

    /// Applies one action.
    ///
    /// ```
    /// use scim_token_core::state::{Action, State};
    ///
    /// let mut state = State::default();
    /// state.apply(Action::SetApiKey("abc".into()));
    /// state.apply(Action::SetApiSecret("123\n".into()));
    /// assert_eq!(state.outcome().token(), Some("YWJjOjEyMw=="));
    /// ```
    pub fn apply(&mut self, action: Action) {
        if action.is_activity() {
            self.activity = self.activity.wrapping_add(1);
            self.clear_pending = false;
        }
        match action {
            Action::SetApiKey(api_key) => {
                self.api_key = api_key;
                // An announcement about the old token would now be about a different one.
                self.status = None;
            }
            Action::HostApiKey(api_key) => {
                self.api_key = api_key.into();
                self.status = None;
                self.rewrites = self.rewrites.wrapping_add(1);
            }
            Action::SetApiSecret(api_secret) => {
                self.api_secret = api_secret;
                self.status = None;
            }
            Action::SetTokenToCheck(text) => self.token_to_check = text,
            Action::ToggleCheck => self.check_open = !self.check_open,
            Action::ToggleGuide(guide) => {
                let open = &mut self.guides_open[guide.index()];
                *open = !*open;
            }
            Action::ShowGuidePoint(guide, point) => {
                self.guides_open[guide.index()] = true;
                let asked = self.guide_point_asked.map_or(0, |(_, _, count)| count);
                self.guide_point_asked = Some((guide, point, asked.wrapping_add(1)));
            }
            Action::ToggleCheckTokenVisible => self.check_token_visible = !self.check_token_visible,
            Action::ToggleCheckedSecretVisible => {
                self.checked_secret_visible = !self.checked_secret_visible
            }
            Action::ApplyFix(field, fix) => self.apply_fix(field, fix),
            Action::ChooseLang(lang) => {
                self.chosen_lang = Some(lang);
                self.status = Some(Status::LanguageSwitched);
            }
            Action::HostLangChanged => self.chosen_lang = None,
            Action::ToggleSecretVisible => self.secret_visible = !self.secret_visible,
            Action::ToggleTokenVisible => self.token_visible = !self.token_visible,
            Action::WarnBeforeClear => self.clear_pending = self.has_input(),
            Action::KeepInput => {}
            Action::HoldDirectoryFile(held) => self.directory_file = held,
            Action::Clear(reason) => {
                // Replacing the strings drops them; the zeroing allocator wipes their bytes.
                let waits = self.token_on_clipboard;
                *self = State {
                    status: (!waits).then_some(Status::Cleared(reason)),
                    emptying_clipboard: waits.then_some(reason),
                    activity: self.activity,
                    chosen_lang: self.chosen_lang,
                    rewrites: self.rewrites.wrapping_add(1),
                    clears: self.clears.wrapping_add(1),
                    token_on_clipboard: self.token_on_clipboard,
                    // The guide holds nothing typed: what the admin opened stays open.
                    guides_open: self.guides_open,
                    guide_point_asked: self.guide_point_asked,
                    ..State::default()
                };
            }
            Action::CopyFinished(target, true) => {
                self.token_on_clipboard = target == CopyTarget::SecretToken;
                self.status = Some(Status::Copied(target));
            }
            Action::ClipboardEmptied(emptied) => {
                let Some(reason) = self.emptying_clipboard.take() else {
                    return;
                };
                self.status = Some(match (emptied, reason) {
                    (true, reason) => Status::ClipboardEmptied(reason),
                    (false, ClearReason::Button) => Status::ClipboardKept,
                    (false, ClearReason::Idle) => Status::Cleared(ClearReason::Idle),
                });
                if emptied {
                    self.token_on_clipboard = false;
                }
            }
            Action::CopyFinished(target, false) => {
                // A masked field cannot be copied with Ctrl+C, so the fallback shows the token.
                if target == CopyTarget::SecretToken {
                    self.token_visible = true;
                }
                self.status = Some(Status::CopyFailed(target));
            }
        }
    }

    fn apply_fix(&mut self, field: Option<Field>, fix: Fix) {
        self.status = None;
        self.rewrites = self.rewrites.wrapping_add(1);
        match fix {
            Fix::SplitKeyAndSecret {
                api_key,
                api_secret,
            } => {
                self.api_key = api_key.into();
                self.api_secret = api_secret.into();
            }
            Fix::RemoveLabel { field, value } => match field {
                Field::ApiKey => self.api_key = value.into(),
                Field::ApiSecret => self.api_secret = value.into(),
                Field::Token => self.token_to_check = value.into(),
            },
            Fix::CheckAsToken { text } => {
                // Move, not copy: the token does not belong in the field it was pasted into.
                match field {
                    Some(Field::ApiKey) => self.api_key = Typed::default(),
                    Some(Field::ApiSecret) => self.api_secret = Typed::default(),
                    _ => {}
                }
                self.token_to_check = text.into();
                self.check_open = true;
            }
            Fix::ReplaceToken { token } => {
                self.token_to_check = token.into();
                self.check_open = true;
            }
        }
    }

    /// Whether anything typed is held, or a users export in the directory check (and so worth
    /// clearing).
    pub fn has_input(&self) -> bool {
        self.api_key.is_filled()
            || self.api_secret.is_filled()
            || self.token_to_check.is_filled()
            || self.directory_file
    }

    /// The token, the findings about the fields, and the hint when there is no token.
    pub fn outcome(&self) -> Outcome {
        let broken = [
            (Field::ApiKey, &self.api_key),
            (Field::ApiSecret, &self.api_secret),
        ]
        .into_iter()
        .filter_map(|(field, typed)| typed.unreadable(field));
        let diagnosis = diagnose::diagnose(self.api_key.usable(), self.api_secret.usable());
        let mut findings: Vec<Finding> = broken.collect();
        findings.extend(diagnosis.findings().iter().cloned());
        let token = diagnosis.token().map(str::to_owned);
        let hint = match (!self.api_key.is_filled(), !self.api_secret.is_filled()) {
            (true, true) => Some(Text::MissingKeyAndSecret),
            (true, false) => Some(Text::MissingKey),
            (false, true) => Some(Text::MissingSecret),
            (false, false) if token.is_none() => Some(Text::FixToMakeToken),
            (false, false) => None,
        };
        Outcome {
            findings,
            token,
            hint,
        }
    }

    /// What the «Check a token» box holds, checked (against the fields when both are filled).
    pub fn token_check(&self) -> Option<TokenCheck> {
        if !self.token_to_check.is_filled() {
            return None;
        }
        if let Some(finding) = self.token_to_check.unreadable(Field::Token) {
            return Some(TokenCheck::from_finding(finding));
        }
        let fields = (self.api_key.is_filled() && self.api_secret.is_filled())
            .then(|| (self.api_key.usable(), self.api_secret.usable()));
        Some(diagnose::check_token(&self.token_to_check.text, fields))
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
